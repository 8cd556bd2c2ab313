package io.quarry.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.api.admin.Distribution;
import org.junit.jupiter.api.Test;

/** {@code ./quarry distribute}'s arguments: workers as host:port, --help, and clear refusals. */
class DistributeArgumentsTest {

    @Test
    void workersAreHostAndPort() {
        assertThat(Distribute.workers(new String[] {"--worker", "10.0.0.5:5432", "--worker", "db-2.internal:6432"}))
                .containsExactly(new Distribution.Worker("10.0.0.5", 5432), new Distribution.Worker("db-2.internal", 6432));
        assertThat(Distribute.workers(new String[0])).isEmpty();
        assertThat(Distribute.workers(new String[] {"--worker", "h:1", "--help"})).isNull();
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Distribute.workers(new String[] {"--worker"})).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Distribute.workers(new String[] {"--worker", "nohost"}))
                .hasMessageContaining("\"nohost\"");
        assertThatThrownBy(() -> Distribute.workers(new String[] {"--worker", ":5432"})).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Distribute.workers(new String[] {"--worker", "h:port"})).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Distribute.workers(new String[] {"--workers", "h:1"}))
                .hasMessageContaining("unknown argument \"--workers\"");
    }
}
