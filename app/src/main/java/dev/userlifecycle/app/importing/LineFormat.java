package dev.userlifecycle.app.importing;

/** Reads the lines of one file of a format; an instance keeps what it learns from earlier lines (the header). */
interface LineFormat {

    /**
     * Looks at the file's first line with content: answers whether it is a header (and so no order).
     *
     * @throws ImportFailedException when the format needs a header and this is none
     */
    boolean readHeader(String line);

    OrderLine parse(int lineNumber, String line) throws RejectedLine;
}
