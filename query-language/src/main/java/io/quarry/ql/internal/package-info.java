/** Helpers shared by the text and JSON front ends. Not part of the public API. */
package io.quarry.ql.internal;
