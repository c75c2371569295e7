package org.dermread.studies;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dermread.accounts.AccountId;
import org.dermread.bundle.CsvTable;

/** A reader account created for a study, with its one-time password (shown once, never stored). */
public record CreatedReader(AccountId id, String username, String displayName, String oneTimePassword) {

    /** Columns of the credentials file handed to the coordinator. */
    public static final List<String> CSV_HEADER = List.of("login", "name", "one_time_password");

    /** The credentials of readers just created, as CSV (UTF-8) for the coordinator to hand out. */
    public static byte[] csv(List<CreatedReader> readers) {
        List<List<?>> rows = readers.stream()
                .<List<?>>map(reader -> List.of(reader.username(), reader.displayName(), reader.oneTimePassword()))
                .toList();
        return CsvTable.write(CSV_HEADER, rows).getBytes(StandardCharsets.UTF_8);
    }
}
