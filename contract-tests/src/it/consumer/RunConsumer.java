import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import java.io.PrintWriter;

/** Runs the consumer's test with whatever JUnit Platform is on the classpath, as its build would. */
public final class RunConsumer {
  public static void main(String[] args) {
    System.out.println("JUnit Jupiter " + org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion()
        + ", Platform " + org.junit.platform.launcher.Launcher.class.getPackage().getImplementationVersion());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass("OurServerContractTest")).build(), summary);
    summary.getSummary().printTo(new PrintWriter(System.out));
    summary.getSummary().printFailuresTo(new PrintWriter(System.out), 20);
    long ok = summary.getSummary().getTestsSucceededCount();
    boolean green = summary.getSummary().getTotalFailureCount() == 0 && ok > 0;
    System.exit(green ? 0 : 1);
  }
}
