/**
 * How every Node process of the product starts: TypeScript through tsx, and the
 * "react-server" export condition, under which `import "server-only"` (the marker on every
 * module that reads the database or secrets) loads as it does inside Next's server.
 */
export const SERVER_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];
