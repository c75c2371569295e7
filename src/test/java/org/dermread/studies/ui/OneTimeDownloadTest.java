package org.dermread.studies.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dermread.accounts.AccountId;
import org.dermread.studies.CreatedReader;
import org.junit.jupiter.api.Test;

class OneTimeDownloadTest {

    @Test
    void credentials_are_given_out_once_and_never_again() {
        byte[] csv = CreatedReader.csv(List.of(
                new CreatedReader(new AccountId(1), "li.wei", "Li Wei", "AbCdEfGh23456789"),
                new CreatedReader(new AccountId(2), "wang.fang", "王芳", "ZyXwVuTs98765432")));
        OneTimeDownload download = new OneTimeDownload(csv);

        assertThat(new String(download.take().orElseThrow(), StandardCharsets.UTF_8).lines().toList())
                .containsExactly("login,name,one_time_password", "li.wei,Li Wei,AbCdEfGh23456789",
                        "wang.fang,王芳,ZyXwVuTs98765432");
        assertThat(download.take()).isEmpty();
    }

    @Test
    void credentials_not_downloaded_are_forgotten_when_the_dialog_closes() {
        OneTimeDownload download = new OneTimeDownload(new byte[] {1, 2, 3});
        download.discard();
        assertThat(download.take()).isEmpty();
    }
}
