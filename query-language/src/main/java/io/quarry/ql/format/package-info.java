/** Canonical text and JSON output of the AST. Not part of the public API; use {@code ReportFormatter}. */
package io.quarry.ql.format;
