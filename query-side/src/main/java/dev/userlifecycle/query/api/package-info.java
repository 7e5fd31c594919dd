/** The query REST API. */
package dev.userlifecycle.query.api;
