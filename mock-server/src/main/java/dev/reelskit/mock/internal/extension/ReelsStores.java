package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import dev.reelskit.mock.internal.jobs.JobStore;

/**
 * WireMock's default stores, except that scenarios include the jobs (see {@link JobScenariosStore})
 * and the stub store keeps the built-in API under the user's stubs (see {@link
 * ReelsStubMappingStore}).
 */
public final class ReelsStores extends DefaultStores {

  private final ScenariosStore scenarios;
  private final StubMappingStore stubs = new ReelsStubMappingStore(ApiStubs.all());

  public ReelsStores(FileSource files, JobStore jobs) {
    super(files);
    this.scenarios = new JobScenariosStore(jobs);
  }

  @Override
  public ScenariosStore getScenariosStore() {
    return scenarios;
  }

  @Override
  public StubMappingStore getStubStore() {
    return stubs;
  }
}
