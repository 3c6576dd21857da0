package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import dev.reelskit.mock.internal.jobs.JobStore;

/** WireMock's default stores, except that scenarios are the jobs (see {@link JobScenariosStore}). */
public final class ReelsStores extends DefaultStores {

  private final ScenariosStore scenarios;

  public ReelsStores(FileSource files, JobStore jobs) {
    super(files);
    this.scenarios = new JobScenariosStore(jobs);
  }

  @Override
  public ScenariosStore getScenariosStore() {
    return scenarios;
  }
}
