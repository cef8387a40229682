/**
 * Device relationships (gateway/child links) as values. No storage, no platform types.
 */
package org.opencentral.core.relationship;
