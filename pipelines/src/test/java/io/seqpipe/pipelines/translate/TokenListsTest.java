package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenListsTest {
  @Test
  void unseenSharesCountTokensNeverOnTheSameSideOfTheSeenData() {
    TokenLists train = new TokenLists(List.of(List.of("a", "b"), List.of("c")), List.of(List.of("x", "y")));
    TokenLists test = new TokenLists(List.of(List.of("a", "d", "d"), List.of("x")), List.of(List.of("x", "a")));

    TranslateReport.Unseen unseen = test.unseenIn(train);

    assertThat(unseen.source()).isEqualTo(3 / 4.0);   // d, d and x (a target token) of a, d, d, x
    assertThat(unseen.target()).isEqualTo(1 / 2.0);   // a (a source token) of x, a
    assertThat(new TokenLists(List.of(), List.of()).unseenIn(train)).isEqualTo(new TranslateReport.Unseen(0, 0));
  }
}
