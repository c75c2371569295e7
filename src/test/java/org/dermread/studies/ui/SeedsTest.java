package org.dermread.studies.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void a_typed_seed_is_shown_as_typed() {
        assertThat(Seeds.shortForm(42)).isEqualTo("42");
        assertThat(Seeds.shortForm(-7)).isEqualTo("-7");
        assertThat(Seeds.shortForm(99_999_999L)).isEqualTo("99999999");
    }

    @Test
    void a_drawn_seed_is_shown_as_eight_hex_digits_of_its_unsigned_value() {
        assertThat(Seeds.shortForm(-8_070_450_532_247_928_832L)).isEqualTo("90000000…");
        assertThat(Seeds.shortForm(0x1234_5678_9abc_def0L)).isEqualTo("12345678…");
        assertThat(Seeds.shortForm(100_000_000L)).isEqualTo("0000000005f5e100".substring(0, 8) + "…");
        assertThat(Seeds.shortForm(Long.MIN_VALUE)).isEqualTo("80000000…");
    }

    @Test
    void the_tooltip_has_the_full_value() {
        assertThat(Seeds.fullForm(-8_070_450_532_247_928_832L)).isEqualTo("-8070450532247928832");
    }
}
