/**
 * The {@code ariadne} command line for field investigators: offline, no server, no network.
 *
 * <p>One class per subcommand, listed on {@link org.ariadne.cli.Ariadne}; exceptions become exit codes in
 * one place ({@code ExitCodes}); output goes through the command's writers so that tests can read it.
 */
package org.ariadne.cli;
