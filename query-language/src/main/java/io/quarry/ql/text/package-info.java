/** The text front end: ANTLR driver, error reporting and AST builders. Not part of the public API. */
package io.quarry.ql.text;
