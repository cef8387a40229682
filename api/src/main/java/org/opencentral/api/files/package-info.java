/** OpenCentral extension routes over device file uploads: list a device's files, download one. */
package org.opencentral.api.files;
