package io.quarry.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.api.planning.LimitsConfiguration;
import org.junit.jupiter.api.Test;

class CallerLimiterTest {

    @Test
    void eachCallerGetsItsOwnPermitsAndReleasingFreesOne() {
        CallerLimiter limiter = new CallerLimiter(new LimitsConfiguration(10, 10, 2));
        CallerLimiter.Permit first = limiter.acquire("alice");
        CallerLimiter.Permit second = limiter.acquire("alice");
        assertThatThrownBy(() -> limiter.acquire("alice"))
                .isInstanceOf(CallerLimiter.TooManyReportsException.class)
                .hasMessage("this caller already runs 2 reports; retry when one has finished");
        CallerLimiter.Permit bob = limiter.acquire("bob");
        first.close();
        assertThat(limiter.acquire("alice")).isNotNull();
        second.close();
        bob.close();
    }
}
