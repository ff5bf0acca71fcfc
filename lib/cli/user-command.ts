import "server-only";
import { readFileSync } from "node:fs";
import { randomPassword } from "@/lib/auth/password";
import { createUser, resetSecondFactorFromCli, setUserDisabled } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { ROLE_NAMES } from "@/lib/i18n/role-names";

/**
 * `user create --username U --name "Họ tên" --role ROLE [--unit MÃ] [--email E] [--password-stdin]`,
 * `user disable U`, `user enable U`, `user reset-2fa U` (clears the second factor; the user enrols anew). Without --password-stdin a random password is generated
 * and printed once; passwords are never taken on the command line (shell history).
 */
export async function runUser(
  args: string[],
  flags: {
    username?: string;
    name?: string;
    role?: string;
    unit?: string;
    email?: string;
    "password-stdin"?: boolean;
  },
): Promise<number> {
  const [action, target] = args;
  if (action === "create") {
    const password = flags["password-stdin"] ? (readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "") : randomPassword();
    const user = await createUser(db(), {
      username: flags.username ?? "",
      displayName: flags.name ?? "",
      password,
      role: (flags.role ?? "") as never,
      unitCode: flags.unit,
      email: flags.email,
      // A printed password has been seen by whoever ran the command: the user replaces it.
      mustChangePassword: !flags["password-stdin"],
    });
    console.log(`✓ Đã tạo tài khoản ${user.username} (${ROLE_NAMES[user.role]}).`);
    if (!flags["password-stdin"])
      console.log(`  Mật khẩu: ${password}  (chỉ hiện một lần; phải đổi ngay lần đăng nhập đầu)`);
    return 0;
  }
  if (action === "reset-2fa" && target) {
    const user = await db().appUser.findUnique({ where: { username: target.toLowerCase() } });
    if (!user) {
      console.error(`Không có tài khoản ${target}.`);
      return 1;
    }
    await resetSecondFactorFromCli(db(), user.id);
    console.log(
      `✓ Đã đặt lại xác thực hai bước của ${user.username}; mọi phiên đăng nhập đã kết thúc. Lần đăng nhập tới, tài khoản cài lại ứng dụng xác thực.`,
    );
    return 0;
  }
  if ((action === "disable" || action === "enable") && target) {
    const user = await db().appUser.findUnique({ where: { username: target.toLowerCase() } });
    if (!user) {
      console.error(`Không có tài khoản ${target}.`);
      return 1;
    }
    await setUserDisabled(db(), user.id, action === "disable");
    console.log(
      action === "disable"
        ? `✓ Đã khoá ${user.username}; mọi phiên đăng nhập của tài khoản đã kết thúc.`
        : `✓ Đã mở khoá ${user.username}.`,
    );
    return 0;
  }
  console.error(
    'Cách dùng: user create --username U --name "Họ tên" --role VAI_TRÒ [--unit MÃ] [--email E] [--password-stdin] | user disable U | user enable U | user reset-2fa U',
  );
  return 2;
}
