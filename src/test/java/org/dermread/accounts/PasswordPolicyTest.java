package org.dermread.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The password rules (NIST SP 800-63B 5.1.1.2), the list of common passwords among them (issue 12, finding 10). */
class PasswordPolicyTest {

    @Test
    void common_passwords_are_refused_whatever_their_case() {
        for (String common : new String[] {"qwertyuiop", "1234567890", "1q2w3e4r5t", "QWERTYUIOP", "Password123",
                "liverpool1"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("dr.wang", common)).as(common)
                    .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.common");
        }
    }

    @Test
    void an_uncommon_long_password_passes_and_so_do_generated_ones() {
        PasswordPolicy.check("dr.wang", "lichen-planus-under-the-dermatoscope");
        for (int i = 0; i < 100; i++) {
            String generated = PasswordPolicy.generate();
            PasswordPolicy.check("dr.wang", generated);
            assertThat(PasswordPolicy.isCommon(generated)).isFalse();
        }
    }

    @Test
    void the_other_rules_still_apply() {
        assertThatThrownBy(() -> PasswordPolicy.check("dr.wang", "short"))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.too-short");
        assertThatThrownBy(() -> PasswordPolicy.check("dr.wang", "xx-dr.wang-xx"))
                .extracting(e -> ((AccountException) e).messageKey()).isEqualTo("password.error.contains-username");
    }
}
