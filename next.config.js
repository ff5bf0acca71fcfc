/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The database driver and its native-free helpers run on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
