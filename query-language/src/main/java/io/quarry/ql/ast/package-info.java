/**
 * The immutable AST of a report, shared by the text and the JSON form.
 *
 * <p>Every node is a record that carries a {@link io.quarry.ql.ast.SourceLocation}. Equality of
 * nodes ignores locations: {@code SourceLocation.equals} returns {@code true} for any two locations
 * and its hash code is constant, so the generated {@code equals}/{@code hashCode} of every record
 * compare only the meaning of the report. This is what lets a report parsed from text equal the
 * same report parsed from JSON, and a formatted-then-reparsed report equal the original.
 *
 * <p>Names are stored as the language defines them: unquoted identifiers folded to lower case,
 * quoted identifiers exactly as written. The AST does not know dimension or metric names; the
 * planner resolves them.
 */
package io.quarry.ql.ast;
