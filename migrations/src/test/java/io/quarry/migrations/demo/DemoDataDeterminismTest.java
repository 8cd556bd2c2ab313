package io.quarry.migrations.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.migrations.demo.DemoEntities.Account;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator without a database: same spec, same bytes; the COPY encoding. */
class DemoDataDeterminismTest {

    private static final DemoDataSpec SPEC =
            new DemoDataSpec(7, 15, 6, 2, 3, 60, LocalDate.of(2026, 3, 31), 20);

    @Test
    void theSameSpecGeneratesTheSameRows() throws IOException {
        assertThat(digest(SPEC)).isEqualTo(digest(SPEC));
    }

    @Test
    void anotherSeedGeneratesOtherRows() throws IOException {
        DemoDataSpec other = new DemoDataSpec(8, 15, 6, 2, 3, 60, LocalDate.of(2026, 3, 31), 20);
        assertThat(digest(other)).isNotEqualTo(digest(SPEC));
    }

    @Test
    void accountsAreSkewedWithTheLargestFirst() {
        List<Account> accounts = DemoHierarchy.plan(DemoDataSpec.benchmark(LocalDate.of(2026, 1, 1)));
        assertThat(accounts).hasSize(1_000);
        assertThat(accounts.get(0).weight()).isGreaterThan(accounts.get(1).weight());
        double median = accounts.get(500).weight();
        assertThat(accounts.get(0).weight() / median).as("largest / median account").isGreaterThan(20);
        assertThat(accounts.get(0).campaigns().size()).isGreaterThan(10 * accounts.get(500).campaigns().size());
    }

    @Test
    void specRejectsOutOfRangeScales() {
        assertThatThrownBy(() -> new DemoDataSpec(1, 0, 1, 1, 1, 1, LocalDate.now(), 0))
                .hasMessage("accounts must be between 1 and 1000000, was 0");
        assertThatThrownBy(() -> new DemoDataSpec(1, 1, 1, 1, 1, 0, LocalDate.now(), 0))
                .hasMessage("days must be between 1 and 3660, was 0");
    }

    @Test
    void copyTextEncodingEscapesAndFormats() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CopyRowWriter out = new CopyRowWriter(bytes)) {
            out.textField("tab\there\\ new\nline\r").textField("ÄÖ € 😀").nullField()
                    .longField(-42).longField(Long.MIN_VALUE).decimalField(1_234_5678, 4)
                    .decimalField(-5, 2).decimalField(7, 0)
                    .dateField(LocalDate.of(2026, 1, 9)).timestampField(LocalDate.of(2026, 12, 31), 86_399)
                    .endRow();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "tab\\there\\\\ new\\nline\\r\tÄÖ € 😀\t\\N\t-42\t-9223372036854775808\t1234.5678"
                + "\t-0.05\t7\t2026-01-09\t2026-12-31 23:59:59+00\n");
    }

    private static String digest(DemoDataSpec spec) throws IOException {
        List<Account> accounts = DemoHierarchy.plan(spec);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CopyRowWriter out = new CopyRowWriter(bytes)) {
            EntityRows.accounts(accounts, out);
            EntityRows.campaigns(accounts, out);
            EntityRows.adSets(accounts, out);
            EntityRows.ads(accounts, out);
            for (Account account : accounts) {
                FactRows.write(spec, account, out);
                EventRows.write(spec, account, out);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
