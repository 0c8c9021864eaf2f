/** The member agencies, and who the signed-in user is. */
package org.ariadne.server.agencies;
