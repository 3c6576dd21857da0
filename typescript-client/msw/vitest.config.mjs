// The MSW pack's tests (typescript-client/build.sh check): node, no browser, no network.
export default {
  test: {
    include: ["msw/test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
};
