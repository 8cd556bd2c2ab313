package io.quarry.api.saved;

import io.micronaut.http.HttpStatus;
import io.quarry.api.problem.Problem;
import java.util.List;

/** A saved-report request that cannot be done, with its HTTP status and stable code. */
public final class SavedReportException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<Problem.Located> errors;

    SavedReportException(HttpStatus status, String code, String title, String detail, List<Problem.Located> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static SavedReportException notFound() {
        return new SavedReportException(HttpStatus.NOT_FOUND, "REPORT_NOT_FOUND", "Saved report not found",
                "no saved report with this id in your accounts", List.of());
    }

    static SavedReportException versionNotFound(int version) {
        return new SavedReportException(HttpStatus.NOT_FOUND, "VERSION_NOT_FOUND", "Version not found",
                "the report has no version " + version, List.of());
    }

    static SavedReportException conflict(int expected, int current) {
        return new SavedReportException(HttpStatus.CONFLICT, "VERSION_CONFLICT", "The report has changed",
                "the report is at version " + current + ", not " + expected
                        + "; read it again and apply your change to the current version", List.of());
    }

    static SavedReportException versionRequired() {
        return new SavedReportException(HttpStatus.PRECONDITION_REQUIRED, "VERSION_REQUIRED", "Version required",
                "name the version you edit: an If-Match header with the report's ETag, or \"version\" in the body",
                List.of());
    }

    static SavedReportException nameTaken(String name) {
        return new SavedReportException(HttpStatus.CONFLICT, "NAME_TAKEN", "Name already used",
                "the account already has a saved report named '" + name + "'", List.of());
    }

    static SavedReportException invalidDefinition(List<Problem.Located> errors) {
        return new SavedReportException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_DEFINITION",
                "The report definition is not valid", errors.get(0).detail(), errors);
    }

    static SavedReportException notRunnable(List<Problem.Located> errors) {
        return new SavedReportException(HttpStatus.UNPROCESSABLE_ENTITY, "REPORT_NOT_RUNNABLE",
                "The saved report no longer plans against the current model", errors.get(0).detail(), errors);
    }

    static SavedReportException badRequest(String code, String detail, Problem.Located error) {
        return new SavedReportException(HttpStatus.UNPROCESSABLE_ENTITY, code, "Invalid run request", detail,
                List.of(error));
    }

    static SavedReportException forbidden(String detail) {
        return new SavedReportException(HttpStatus.FORBIDDEN, "ACCOUNT_NOT_PERMITTED", "Account not permitted",
                detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public Problem problem() {
        return Problem.of(code, title, status.getCode(), getMessage(), errors.isEmpty() ? null : errors);
    }
}
