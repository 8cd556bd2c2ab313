package io.quarry.migrations.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.migrations.demo.DemoEntities.Account;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The rows that extend demo data past its end, without a database: a day's rows are the same
 * however the days are split into extensions (one start after five days, or five after one), and
 * the spec a load records reads back as the same spec.
 */
class DemoDataExtensionRowsTest {

    private static final DemoDataSpec SPEC = new DemoDataSpec(7, 6, 6, 2, 3, 60, LocalDate.of(2026, 3, 31), 20);
    private static final LocalDate FIRST = SPEC.endDate().plusDays(1);

    @Test
    void aDaysRowsDoNotDependOnHowTheDaysAreSplit() throws IOException {
        for (Account account : DemoHierarchy.plan(SPEC)) {
            for (boolean facts : new boolean[] {true, false}) {
                byte[] atOnce = rows(facts, account, FIRST, FIRST.plusDays(9));
                byte[] inTwo = concat(rows(facts, account, FIRST, FIRST.plusDays(3)),
                        rows(facts, account, FIRST.plusDays(4), FIRST.plusDays(9)));
                assertThat(inTwo).as("account %d, %s", account.id(), facts ? "facts" : "events").isEqualTo(atOnce);
            }
        }
        Account largest = DemoHierarchy.plan(SPEC).get(0);
        assertThat(rows(true, largest, FIRST, FIRST)).as("the largest account's first day of facts").isNotEmpty();
        assertThat(rows(false, largest, FIRST, FIRST)).as("and of events").isNotEmpty();
    }

    @Test
    void theRecordedSpecReadsBack() {
        assertThat(DemoDataSpec.parse(SPEC.describe())).isEqualTo(SPEC);
        DemoDataSpec extended = SPEC.extendedTo(SPEC.endDate().plusDays(5));
        assertThat(extended.startDate()).isEqualTo(SPEC.startDate());
        assertThat(extended.days()).isEqualTo(65);
        assertThat(DemoDataSpec.parse(extended.describe())).isEqualTo(extended);
    }

    private static byte[] rows(boolean facts, Account account, LocalDate from, LocalDate to) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CopyRowWriter out = new CopyRowWriter(bytes);
        if (facts) {
            FactRows.writeAfter(SPEC, account, from, to, out);
        } else {
            EventRows.writeAfter(SPEC, account, from, to, out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
