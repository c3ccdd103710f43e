// Stand-in for the "server-only" package under vitest, where no React server bundle exists.
export {};
