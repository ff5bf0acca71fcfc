/** The end of a sign-in style form: what went wrong, if anything, and the submit button. */
export function FormFooter({
  error,
  pending,
  label,
  pendingLabel,
}: {
  error: string | null;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
