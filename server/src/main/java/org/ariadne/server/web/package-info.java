/**
 * What every web answer shares: errors as JSON ({@link org.ariadne.server.web.ApiError}: a stable code and a
 * message, never a stack trace), raised anywhere as {@link org.ariadne.server.web.ApiException}.
 */
package org.ariadne.server.web;
