/**
 * Rules as the platform stores them: a rule's scope (a device template), its conditions (a sealed
 * family of items combined with all/any, optionally aggregated over a tumbling window), its state
 * timing and its actions, and their one JSON form ({@link RuleJson}, used by the REST API and the
 * stores alike). Plain values only: checking a rule against its template's DTDL model and
 * evaluating it belong to the platform's {@code rules} package; this package must not import it.
 */
package org.opencentral.core.rule;
