/**
 * The logic of {@code opencentral dtdl validate [--repo DIR] PATH...}: argument handling, one line
 * per error, a summary and the exit code, so that the server's CLI wrapper only passes arguments
 * and streams. Imports the dtdl API only.
 */
package org.opencentral.dtdl.cli;
