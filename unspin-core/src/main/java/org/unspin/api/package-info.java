/**
 * The public API of Unspin: the {@link org.unspin.api.Unspin} facade and the immutable report
 * types it returns. Offsets in every report type are UTF-16 code units into the text the caller
 * gave. Exceptions: {@link org.unspin.api.InputException} for bad input,
 * {@link org.unspin.api.ModelException} for bad model files.
 */
package org.unspin.api;
