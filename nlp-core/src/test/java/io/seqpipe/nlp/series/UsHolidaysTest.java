package io.seqpipe.nlp.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Federal holidays by rule, checked against the OPM calendars of 2015, 2011 and 2021. */
class UsHolidaysTest {
  @Test
  void holidaysOf2015AsOpmPublishedThem() {
    assertThat(UsHolidays.observed(2015)).containsExactly(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 19),
        LocalDate.of(2015, 2, 16), LocalDate.of(2015, 5, 25), LocalDate.of(2015, 7, 3), LocalDate.of(2015, 9, 7),
        LocalDate.of(2015, 10, 12), LocalDate.of(2015, 11, 11), LocalDate.of(2015, 11, 26), LocalDate.of(2015, 12, 25));
  }

  @Test
  void weekendHolidaysMoveAndNewYearMayFallTheYearBefore() {
    assertThat(UsHolidays.isHoliday(LocalDate.of(2010, 12, 31))).isTrue();   // January 1, 2011 was a Saturday
    assertThat(UsHolidays.isHoliday(LocalDate.of(2011, 1, 1))).isFalse();
    assertThat(UsHolidays.isHoliday(LocalDate.of(2021, 6, 18))).isTrue();    // Juneteenth on a Saturday
    assertThat(UsHolidays.isHoliday(LocalDate.of(2020, 6, 19))).isFalse();   // before Juneteenth was a holiday
    assertThat(UsHolidays.isHoliday(LocalDate.of(2017, 1, 2))).isTrue();     // January 1, 2017 was a Sunday
  }
}
