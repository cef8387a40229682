/**
 * The rule routes, an OpenCentral extension in IoT Central's style: {@code /api/rules} and
 * {@code /api/rules/{ruleId}}. Translates HTTP to the platform's {@code rules} package.
 */
package org.opencentral.api.rules;
