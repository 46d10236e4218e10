/**
 * The Crosslist domain: tenants, products and the out-ports through which the application reaches
 * storage. Plain JDK code; nothing here knows about schemas, SQL or frameworks.
 */
package io.crosslist.domain;
