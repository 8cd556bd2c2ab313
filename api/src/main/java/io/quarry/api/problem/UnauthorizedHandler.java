package io.quarry.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.quarry.api.auth.TokenDiagnosis;
import io.quarry.api.auth.TokenFailure;
import io.quarry.api.metrics.QuarryMetrics;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A request Micronaut Security did not authenticate: 401 problem+json saying why (a stable
 * {@code code} per reason: {@link TokenFailure}), with the RFC 6750 challenge
 * ({@code WWW-Authenticate: Bearer realm="quarry"}, plus {@code error="invalid_token"} and the
 * description when a token was sent). Other refusals (403) stay Micronaut's.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class UnauthorizedHandler extends DefaultAuthorizationExceptionHandler {

    private final TokenDiagnosis diagnosis;
    private final QuarryMetrics metrics;
    private final String realm;

    UnauthorizedHandler(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                        RedirectService redirectService,
                        List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                        @Nullable PriorToLoginPersistence priorToLoginPersistence, TokenDiagnosis diagnosis,
                        QuarryMetrics metrics, ApplicationConfiguration application) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders,
                priorToLoginPersistence);
        this.diagnosis = diagnosis;
        this.metrics = metrics;
        this.realm = application.getName().orElse("quarry");
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(HttpRequest<?> request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return super.httpResponseWithStatus(request, exception);
        }
        TokenFailure failure = diagnosis.diagnose(request);
        String title = failure.missing() ? "A bearer token is required" : "The bearer token is not accepted";
        return ProblemResponses.respond(metrics, HttpStatus.UNAUTHORIZED,
                        Problem.of(failure.code(), title, HttpStatus.UNAUTHORIZED.getCode(), failure.description()))
                .header(HttpHeaders.WWW_AUTHENTICATE, failure.challenge(realm));
    }
}
