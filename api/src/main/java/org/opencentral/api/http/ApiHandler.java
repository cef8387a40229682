package org.opencentral.api.http;

/** A REST handler: runs on a virtual thread after authentication, api-version and permission checks. */
@FunctionalInterface
public interface ApiHandler {
    void handle(ApiCall call) throws Exception;
}
