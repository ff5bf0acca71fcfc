/** The indicators as the options of a <select>, in the program's order. */
export function IndicatorOptions({ indicators }: { indicators: { code: string; name: string }[] }) {
  return indicators.map((i) => (
    <option key={i.code} value={i.code}>
      {i.name}
    </option>
  ));
}
