package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.models.train.TrainingDivergedException;
import io.seqpipe.nlp.InputFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Which exceptions reach the user as one line (exit 2) and which are bugs (stack trace, exit 1). */
class UserMessageTest {

  @Test
  void badInputAndDivergedTrainingAreOneLine() {
    assertThat(SeqpipeCommand.userMessage(new TrainingDivergedException("epoch 2, step 30: the loss is NaN")))
        .isEqualTo("epoch 2, step 30: the loss is NaN");
    assertThat(SeqpipeCommand.userMessage(new UncheckedIOException(new NoSuchFileException("x.tsv"))))
        .isEqualTo("x.tsv: no such file");
    assertThat(SeqpipeCommand.userMessage(new IOException("disk full"))).isEqualTo("disk full");
    assertThat(SeqpipeCommand.userMessage(new AccessDeniedException("runs/x/model"))).isEqualTo("runs/x/model: permission denied");
    assertThat(SeqpipeCommand.userMessage(new FileSystemException("out.en", null, "No space left on device")))
        .isEqualTo("out.en: No space left on device");
    assertThat(SeqpipeCommand.userMessage(new InputFormatException("<stdin>", 2, 4,
        "invalid UTF-8 (byte 0xE9); expected UTF-8 text"))).isEqualTo("<stdin>:2:4: invalid UTF-8 (byte 0xE9); expected UTF-8 text");
  }

  @Test
  void programmingErrorsAreNotDisguised() {
    assertThat(SeqpipeCommand.userMessage(new NullPointerException("bug"))).isNull();
  }
}
