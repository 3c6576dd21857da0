package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.servers.FastSettings;
import dev.reelskit.contract.servers.ReelsTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shipped suite used exactly as another team would: extend it, give a server. This server is
 * correct but takes every documented liberty, and enforces its limits over a one-second window
 * tighter than the suite's budget, so the suite must wait on 429s and still pass.
 */
class LiberalServerContractTest extends ReelsApiContract {

  private ReelsTestServer server;

  @BeforeAll
  void start_the_server() {
    server = ReelsTestServer.start(ReelsTestServer.Options.liberal().rateLimit(12, 1000));
  }

  @AfterAll
  void stop_the_server() {
    server.close();
  }

  @Override
  protected ContractTestSettings settings() {
    return FastSettings.against(server);
  }
}
