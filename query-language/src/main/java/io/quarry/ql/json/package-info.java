/** The JSON front end, on jackson-core's streaming parser. Not part of the public API. */
package io.quarry.ql.json;
