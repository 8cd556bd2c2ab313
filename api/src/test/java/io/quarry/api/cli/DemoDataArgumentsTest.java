package io.quarry.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.migrations.demo.DemoDataSpec;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDataArgumentsTest {

    @Test
    void presetsThenOverrides() {
        DemoDataSpec spec = DemoDataArguments.parse("--preset", "benchmark", "--days", "30",
                "--end-date", "2026-01-31", "--seed", "5");
        assertThat(spec).isEqualTo(new DemoDataSpec(5, 1_000, 11, 2, 3, 30, LocalDate.of(2026, 1, 31), 4));
    }

    @Test
    void defaultsToTheQuickstart() {
        DemoDataSpec spec = DemoDataArguments.parse();
        assertThat(spec.accounts()).isEqualTo(20);
        assertThat(spec.days()).isEqualTo(180);
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> DemoDataArguments.parse("--accounts", "many"))
                .hasMessage("--accounts takes a whole number, not 'many'");
        assertThatThrownBy(() -> DemoDataArguments.parse("--preset", "huge"))
                .hasMessage("unknown preset 'huge': quickstart or benchmark");
        assertThatThrownBy(() -> DemoDataArguments.parse("--days"))
                .hasMessage("--days needs a value");
        assertThatThrownBy(() -> DemoDataArguments.parse("--rows", "5"))
                .hasMessage("unknown option '--rows'");
        assertThatThrownBy(() -> DemoDataArguments.parse("--end-date", "yesterday"))
                .hasMessage("--end-date takes a date as YYYY-MM-DD, not 'yesterday'");
        assertThatThrownBy(() -> DemoDataArguments.parse("--parallel", "0"))
                .hasMessage("--parallel must be between 1 and 64, was 0");
        assertThatThrownBy(() -> DemoDataArguments.parse("--accounts", "0"))
                .hasMessage("accounts must be between 1 and 1000000, was 0");
    }
}
