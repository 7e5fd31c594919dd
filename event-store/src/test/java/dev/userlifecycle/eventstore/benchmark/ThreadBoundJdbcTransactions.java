package dev.userlifecycle.eventstore.benchmark;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The smallest honest JDBC transaction manager for the benchmark's JDBC peer: a transaction takes one pooled
 * connection with auto-commit off and binds it to the thread; while it is open, {@link #getConnection()} hands out
 * that connection (wrapped so that Axon's {@code close()} does not end it early), and {@link Transaction#commit()}
 * really commits it. Outside a transaction a plain auto-commit connection of the pool is returned. A transaction
 * started inside another joins it.
 */
public final class ThreadBoundJdbcTransactions implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    public ThreadBoundJdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) {
            return JOINED;
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a JDBC transaction", e);
        }
        bound.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("Commit failed", e);
                } finally {
                    release(connection);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException("Rollback failed", e);
                } finally {
                    release(connection);
                }
            }
        };
    }

    private void release(Connection connection) {
        bound.remove();
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        if (connection == null) {
            return dataSource.getConnection();
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null; // the transaction closes it
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
