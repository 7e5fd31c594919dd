/** The user profile read model: its projection, kept in MongoDB, and the query handler answering {@code FindUserProfile}. */
package dev.userlifecycle.query.profile;
