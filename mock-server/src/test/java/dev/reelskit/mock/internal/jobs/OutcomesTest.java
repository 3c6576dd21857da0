package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.openapi.model.JobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomesTest {

  @ParameterizedTest(name = "reel code {0} ends as {1}")
  @CsvSource({
    "DYa0IXPgnP5, JobDoneCooking",
    "NOSPEECHabc, JobDoneNoSpeech",
    "NOMETAabc, JobDoneNoPlatformMeta",
    "ERROR, ERROR",
    "ERRORprivate1, ERROR",
    "ERRORlong1, ERRORlong",
    "ERRORnovideo, ERRORnovideo",
    "ERRORdownload9, ERRORdownload",
    "ERRORunavailable1, ERROR",
    "ERRORratelimited1, ERRORratelimited",
    "ERRORai, ERRORai",
    "ERRORformat2, ERRORformat",
    "ERRORstorage, ERRORstorage",
    "nospeech, JobDoneCooking"
  })
  void magic_reel_codes_select_the_outcome(String code, String outcome) {
    assertThat(Outcomes.forUrl("https://www.instagram.com/reel/" + code + "/").name())
        .isEqualTo(outcome);
    assertThat(Outcomes.forUrl("https://www.instagram.com/p/" + code + "/?igsh=x").name())
        .isEqualTo(outcome);
  }

  @org.junit.jupiter.api.Test
  void canned_analyses_differ_as_documented() {
    assertThat(Outcomes.DONE_NO_SPEECH.analysis().getAudio().getTranscript()).isEmpty();
    assertThat(Outcomes.DONE_NO_META.analysis().getPlatformMeta()).isNull();
    assertThat(Outcomes.DONE_COOKING.analysis().getPlatformMeta()).isNotNull();
    assertThat(Outcomes.ERROR_PRIVATE.error()).isEqualTo("Video is not available");
    assertThat(Outcomes.ERROR_PRIVATE.terminal()).isEqualTo(JobStatus.ERROR);
    assertThat(Outcomes.isServerFailure("https://www.instagram.com/reel/HTTP500x/")).isTrue();
  }
}
