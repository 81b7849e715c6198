package org.tunnelcodec.core.encap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;

/**
 * A compact store of encapsulation templates addressed by int handles, for a routing table
 * whose routes carry encapsulations (a million and more): the caller's FIB maps a prefix to a
 * handle, and the data path pushes by handle. Pushes allocate nothing and may run on any
 * number of threads while a control thread adds, replaces and removes templates.
 *
 * <h2>Layout</h2>
 * Templates are not objects here. Their octets live in 64 KiB {@code byte[]} pages, each
 * preceded by 8 octets: its shape (length and program number) and a reference count. A handle
 * is one {@code int} in a per-stripe array: where its octets are. Fixup programs are interned:
 * each distinct program is stored once and numbered (a million VXLAN templates to different
 * endpoints share one). Identical templates are stored once too: {@link #add} of a template
 * already held by another handle only counts one more reference, and {@link #replace} of one of
 * them copies on write. Space freed by {@link #remove} or {@link #replace} is reused for templates
 * of the same length; pages are never returned to the heap.
 *
 * <p>Footprint: a template costs its octets, the 8-octet prefix, its handle's 4 octets (with the
 * arrays' growth slack), and 8 octets per slot of the sharing index (an {@code int} location and
 * its hash, at most three quarters full). A million VXLAN-over-IPv4 templates, each to its own
 * endpoint, retain about 38 octets each beyond their octets.
 *
 * <h2>Memory model</h2>
 * <ul>
 *   <li><b>Writers</b> ({@link #add}, {@link #replace}, {@link #remove} and the other
 *       non-push methods) are serialized by the store's own lock: any thread may call them,
 *       and they never wait for a push.</li>
 *   <li><b>Readers</b> ({@link #push}) take no lock in the common case. Handles are striped
 *       over {@link StampedLock}s ({@code handle % stripes}); a writer holds its handle's
 *       stripe's write lock only while it repoints the handle, after the new octets are in
 *       place. A push reads the handle optimistically ({@link StampedLock#tryOptimisticRead}),
 *       checks what it read, copies the octets into the packet's headroom, and validates the
 *       stamp before it runs the fixups: if a writer touched the stripe meanwhile it copies
 *       again, and after a few failed attempts it takes the stripe's read lock. So a push
 *       returns one complete version of the template (the one before or the one after a
 *       concurrent replace), never a mixture; and every exception it throws was decided on a
 *       validated read, before any octet was written.</li>
 *   <li>Octets are never changed in place: a replace writes the new version elsewhere, then
 *       repoints the handle; the old space is reused only once no handle points at it, and a
 *       push that still copied from it fails its validation.</li>
 *   <li>A removed handle is reused by a later {@link #add}. A push on a handle that is not live
 *       throws {@link IllegalArgumentException}; one racing with the remove sees the template or
 *       the exception.</li>
 * </ul>
 *
 * <p>The design's first draft kept each template's precomputed IPv4 checksum sum in a per-handle
 * array; the template's own checksum field holds it instead (see {@link Fixups}), so programs
 * carry no per-template constant and a handle costs one {@code int}.
 */
public final class TemplateStore {
    /** The default number of lock stripes. */
    public static final int DEFAULT_STRIPES = 64;

    private static final int PAGE_SHIFT = 16;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int OFFSET_MASK = PAGE_SIZE - 1;
    /** Shape (program number and length), then the reference count (or the next free block). */
    private static final int PREFIX = 8;
    private static final int LENGTH_BITS = 12;
    private static final int LENGTH_MASK = (1 << LENGTH_BITS) - 1;
    private static final int MAX_PROGRAMS = 1 << (32 - LENGTH_BITS);
    private static final int OPTIMISTIC_ATTEMPTS = 4;
    private static final int RETRY = -1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final class Stripe {
        final StampedLock lock = new StampedLock();
        /** Per slot: the location of the template's octets (page << 16 | offset), 0 if none. */
        int[] locations = new int[8];
    }

    private final Stripe[] stripes;
    private final int stripeMask;
    private final int stripeShift;

    // Read by pushes, replaced by writers (see the memory model).
    private byte[][] pages = new byte[4][];
    private Program[] programs = new Program[16];

    // Writer state, guarded by writeLock.
    private final Object writeLock = new Object();
    private int pageCount;
    private int pageFill = PAGE_SIZE;
    private final Map<Integer, Integer> freeBlocks = new HashMap<>();
    private final Map<Program, Integer> programIds = new HashMap<>();
    private int[] programRefs = new int[16];
    private int[] freeProgramIds = new int[4];
    private int freeProgramCount;
    private int programCount;
    private int nextProgramId;
    /** Open addressing over template locations (0 is empty), by content, for sharing; with each one's hash. */
    private int[] index = new int[64];
    private int[] indexHashes = new int[64];
    private int templateCount;
    private int[] freeHandles = new int[16];
    private int freeHandleCount;
    private int nextHandle;
    private int size;

    /** Returns an empty store with {@link #DEFAULT_STRIPES} lock stripes. */
    public TemplateStore() {
        this(DEFAULT_STRIPES);
    }

    /**
     * Returns an empty store.
     *
     * @param stripes the number of lock stripes, a power of two, 1..4096: more stripes mean
     *                fewer pushes that copy again because a writer touched an unrelated handle
     * @throws IllegalArgumentException if {@code stripes} is not a power of two in range
     */
    public TemplateStore(int stripes) {
        Check.inRange("stripes", stripes, 1, 4096);
        Check.argument(Integer.bitCount(stripes) == 1, "stripes", stripes, "a power of two");
        this.stripes = new Stripe[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new Stripe();
        }
        this.stripeMask = stripes - 1;
        this.stripeShift = Integer.numberOfTrailingZeros(stripes);
    }

    // ------------------------------------------------------------------ writers

    /**
     * Stores a template and returns its handle.
     *
     * @param template the template
     * @return the handle, 0 or more
     * @throws IllegalStateException if the store holds too many distinct programs (about a million)
     */
    public int add(EncapTemplate template) {
        Objects.requireNonNull(template, "template");
        synchronized (writeLock) {
            int location = acquire(template);
            int handle = freeHandleCount > 0 ? freeHandles[--freeHandleCount] : nextHandle++;
            if (handle < 0) {
                nextHandle--;
                release(location);
                throw new IllegalStateException("handles: exhausted");
            }
            setLocation(handle, location);
            size++;
            return handle;
        }
    }

    /**
     * Compiles a chain ({@link EncapTemplate#of(List)}) and stores it.
     *
     * @param chain the headers, outermost first
     * @return the handle
     * @throws IllegalArgumentException if the chain does not compile
     */
    public int add(List<? extends TemplateHeader> chain) {
        return add(EncapTemplate.of(chain));
    }

    /**
     * Replaces the template of a live handle. Pushes on the handle see the old template until the
     * new one is complete, then the new one.
     *
     * @param handle the handle
     * @param template the new template, of any length
     * @throws IllegalArgumentException if the handle is not live
     */
    public void replace(int handle, EncapTemplate template) {
        Objects.requireNonNull(template, "template");
        synchronized (writeLock) {
            int old = liveLocation(handle);
            int location = acquire(template);
            if (location == old) {
                release(location);
                return;
            }
            setLocation(handle, location);
            release(old);
        }
    }

    /**
     * Compiles a chain and replaces the template of a live handle with it.
     *
     * @param handle the handle
     * @param chain the headers, outermost first
     * @throws IllegalArgumentException if the handle is not live or the chain does not compile
     */
    public void replace(int handle, List<? extends TemplateHeader> chain) {
        replace(handle, EncapTemplate.of(chain));
    }

    /**
     * Removes the template of a live handle; the handle may be returned by a later {@link #add}.
     *
     * @param handle the handle
     * @throws IllegalArgumentException if the handle is not live
     */
    public void remove(int handle) {
        synchronized (writeLock) {
            int old = liveLocation(handle);
            setLocation(handle, 0);
            release(old);
            if (freeHandleCount == freeHandles.length) {
                freeHandles = Arrays.copyOf(freeHandles, freeHandleCount * 2);
            }
            freeHandles[freeHandleCount++] = handle;
            size--;
        }
    }

    /**
     * Returns whether the handle holds a template.
     *
     * @param handle the handle
     * @return whether it is live
     */
    public boolean contains(int handle) {
        synchronized (writeLock) {
            return location(handle) != 0;
        }
    }

    /**
     * Returns a copy of the template a live handle holds.
     *
     * @param handle the handle
     * @return the template
     * @throws IllegalArgumentException if the handle is not live
     */
    public EncapTemplate template(int handle) {
        synchronized (writeLock) {
            int location = liveLocation(handle);
            byte[] page = pages[location >>> PAGE_SHIFT];
            int offset = location & OFFSET_MASK;
            int shape = (int) INT.get(page, offset - PREFIX);
            int length = shape & LENGTH_MASK;
            return new EncapTemplate(Arrays.copyOfRange(page, offset, offset + length),
                    programs[shape >>> LENGTH_BITS]);
        }
    }

    /**
     * Returns the number of live handles.
     *
     * @return the number of live handles
     */
    public int size() {
        synchronized (writeLock) {
            return size;
        }
    }

    /**
     * Returns the number of distinct templates stored: live handles minus those that share.
     *
     * @return the number of stored templates
     */
    public int templateCount() {
        synchronized (writeLock) {
            return templateCount;
        }
    }

    /**
     * Returns the number of distinct fixup programs stored.
     *
     * @return the number of programs
     */
    public int programCount() {
        synchronized (writeLock) {
            return programCount;
        }
    }

    /**
     * Returns the octets of template pages allocated (64 KiB each).
     *
     * @return the page octets
     */
    public long pageBytes() {
        synchronized (writeLock) {
            return (long) pageCount * PAGE_SIZE;
        }
    }

    // ------------------------------------------------------------------ readers

    /**
     * Pushes the template of {@code handle} in front of the packet at {@code [innerIndex,
     * innerEnd)}, as {@link EncapTemplate#push(ByteBuffer, int, int, InnerType)} does. Allocates
     * nothing; safe while writers update the store.
     *
     * @param handle the handle
     * @param buf the buffer; its position, limit, mark and byte order are not changed
     * @param innerIndex the absolute index of the packet's first octet
     * @param innerEnd the end of the packet: nothing at or past it is read
     * @param inner what the packet is
     * @return the absolute index of the new first octet
     * @throws IllegalArgumentException if the handle is not live, its template does not carry
     *     {@code inner}, or the packet is too long for its length fields
     * @throws IndexOutOfBoundsException if the range is not within {@code buf.limit()}, or the
     *     headroom is shorter than the template
     * @throws MalformedPacketException if the packet is too short to hold what push copies from it
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(int handle, ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner) {
        return push(handle, buf, innerIndex, innerEnd, inner, 0, false);
    }

    /**
     * Pushes with the caller's flow hash; otherwise as
     * {@link #push(int, ByteBuffer, int, int, InnerType)}.
     *
     * @param handle the handle
     * @param buf the buffer; its position, limit, mark and byte order are not changed
     * @param innerIndex the absolute index of the packet's first octet
     * @param innerEnd the end of the packet: nothing at or past it is read
     * @param inner what the packet is
     * @param flowHash the flow's 32-bit hash
     * @return the absolute index of the new first octet
     * @throws IllegalArgumentException if the handle is not live, its template does not carry
     *     {@code inner}, or the packet is too long for its length fields
     * @throws IndexOutOfBoundsException if the range or the headroom is outside the buffer
     * @throws MalformedPacketException if the packet is too short to hold what push copies from it
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(int handle, ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner, int flowHash) {
        return push(handle, buf, innerIndex, innerEnd, inner, flowHash, true);
    }

    private int push(int handle, ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner, int flowHash,
                     boolean given) {
        EncapTemplate.checkBuffer(buf, innerIndex, innerEnd, inner);
        if (handle < 0) {
            throw notLive(handle);
        }
        Stripe stripe = stripes[handle & stripeMask];
        int slot = handle >>> stripeShift;
        StampedLock lock = stripe.lock;
        for (int attempt = 1; ; attempt++) {
            if (attempt <= OPTIMISTIC_ATTEMPTS) {
                long stamp = lock.tryOptimisticRead();
                if (stamp != 0) {
                    int start = attempt(stripe, slot, lock, stamp, handle, buf, innerIndex, innerEnd, inner, flowHash,
                            given);
                    if (start != RETRY) {
                        return start;
                    }
                }
                Thread.onSpinWait();
            } else {
                long stamp = lock.readLock();
                try {
                    int start = attempt(stripe, slot, lock, stamp, handle, buf, innerIndex, innerEnd, inner, flowHash,
                            given);
                    if (start != RETRY) {
                        return start;
                    }
                    throw new IllegalStateException("template store: inconsistent under the read lock");
                } finally {
                    lock.unlockRead(stamp);
                }
            }
        }
    }

    /**
     * One attempt: reads the handle under {@code stamp}, checks, copies, validates, then runs the
     * fixups. Whatever it read may be torn until the stamp validates, so every value is checked
     * before it is used as an index, and exceptions are thrown only after validation.
     */
    private int attempt(Stripe stripe, int slot, StampedLock lock, long stamp, int handle, ByteBuffer buf,
                        int innerIndex, int innerEnd, InnerType inner, int flowHash, boolean given) {
        int[] locations = stripe.locations;
        int location = slot < locations.length ? locations[slot] : 0;
        if (location == 0) {
            if (lock.validate(stamp)) {
                throw notLive(handle);
            }
            return RETRY;
        }
        byte[][] pageTable = pages;
        int pageIndex = location >>> PAGE_SHIFT;
        int offset = location & OFFSET_MASK;
        byte[] page = pageIndex < pageTable.length ? pageTable[pageIndex] : null;
        if (page == null || offset < PREFIX) {
            return inconsistent(lock, stamp);
        }
        int shape = (int) INT.get(page, offset - PREFIX);
        int length = shape & LENGTH_MASK;
        int programId = shape >>> LENGTH_BITS;
        Program[] programTable = programs;
        Program program = programId < programTable.length ? programTable[programId] : null;
        if (program == null || program.length != length || offset + length > page.length) {
            return inconsistent(lock, stamp);
        }
        int check = program.precheck(innerIndex, innerEnd, inner);
        if (check != Program.OK) {
            if (lock.validate(stamp)) {
                throw program.failure(check, innerIndex, innerEnd, inner);
            }
            return RETRY;
        }
        int start = innerIndex - length;
        buf.put(start, page, offset, length);
        if (!lock.validate(stamp)) {
            return RETRY;
        }
        return program.run(buf, start, innerIndex, innerEnd, inner, flowHash, given);
    }

    private static int inconsistent(StampedLock lock, long stamp) {
        if (lock.validate(stamp)) {
            throw new IllegalStateException("template store: a live handle points at no template");
        }
        return RETRY;
    }

    private static IllegalArgumentException notLive(int handle) {
        return new IllegalArgumentException("handle: " + handle + " (expected: a live handle)");
    }

    // ------------------------------------------------------------------ writer internals

    private int location(int handle) {
        if (handle < 0) {
            return 0;
        }
        int[] locations = stripes[handle & stripeMask].locations;
        int slot = handle >>> stripeShift;
        return slot < locations.length ? locations[slot] : 0;
    }

    private int liveLocation(int handle) {
        int location = location(handle);
        if (location == 0) {
            throw notLive(handle);
        }
        return location;
    }

    private void setLocation(int handle, int location) {
        Stripe stripe = stripes[handle & stripeMask];
        int slot = handle >>> stripeShift;
        long stamp = stripe.lock.writeLock();
        try {
            if (slot >= stripe.locations.length) {
                stripe.locations = Arrays.copyOf(stripe.locations,
                        (int) Math.min(Integer.MAX_VALUE - 8, Math.max(slot + 1L, stripe.locations.length * 3L / 2)));
            }
            stripe.locations[slot] = location;
        } finally {
            stripe.lock.unlockWrite(stamp);
        }
    }

    /** The location of a stored template equal to {@code t}, one more reference counted, or of a new copy. */
    private int acquire(EncapTemplate t) {
        Integer known = programIds.get(t.program);
        int hash = known == null ? 0 : hash(known << LENGTH_BITS | t.bytes.length, t.bytes, 0, t.bytes.length);
        if (known != null) {
            int mask = index.length - 1;
            int shape = known << LENGTH_BITS | t.bytes.length;
            for (int i = hash & mask; index[i] != 0; i = (i + 1) & mask) {
                if (indexHashes[i] != hash) {
                    continue;
                }
                int candidate = index[i];
                byte[] page = pages[candidate >>> PAGE_SHIFT];
                int offset = candidate & OFFSET_MASK;
                if ((int) INT.get(page, offset - PREFIX) == shape
                        && Arrays.equals(page, offset, offset + t.bytes.length, t.bytes, 0, t.bytes.length)) {
                    INT.set(page, offset - 4, (int) INT.get(page, offset - 4) + 1);
                    return candidate;
                }
            }
        }
        int programId = known != null ? known : intern(t.program);
        int shape = programId << LENGTH_BITS | t.bytes.length;
        int location = allocate(PREFIX + t.bytes.length) + PREFIX;
        byte[] page = pages[location >>> PAGE_SHIFT];
        int offset = location & OFFSET_MASK;
        INT.set(page, offset - PREFIX, shape);
        INT.set(page, offset - 4, 1);
        System.arraycopy(t.bytes, 0, page, offset, t.bytes.length);
        programRefs[programId]++;
        templateCount++;
        insert(location, known != null ? hash : hash(shape, t.bytes, 0, t.bytes.length));
        return location;
    }

    /** Drops one reference; at the last, frees the octets (and the program, at its last template). */
    private void release(int location) {
        byte[] page = pages[location >>> PAGE_SHIFT];
        int offset = location & OFFSET_MASK;
        int refs = (int) INT.get(page, offset - 4) - 1;
        if (refs > 0) {
            INT.set(page, offset - 4, refs);
            return;
        }
        int shape = (int) INT.get(page, offset - PREFIX);
        int length = shape & LENGTH_MASK;
        delete(location, hash(shape, page, offset, length));
        templateCount--;
        int programId = shape >>> LENGTH_BITS;
        if (--programRefs[programId] == 0) {
            programIds.remove(programs[programId]);
            programs[programId] = null;
            programCount--;
            if (freeProgramCount == freeProgramIds.length) {
                freeProgramIds = Arrays.copyOf(freeProgramIds, freeProgramCount * 2);
            }
            freeProgramIds[freeProgramCount++] = programId;
        }
        Integer head = freeBlocks.get(PREFIX + length);
        INT.set(page, offset - 4, head == null ? 0 : head);
        freeBlocks.put(PREFIX + length, location);
    }

    private int intern(Program program) {
        int id;
        if (freeProgramCount > 0) {
            id = freeProgramIds[--freeProgramCount];
        } else {
            if (nextProgramId == MAX_PROGRAMS) {
                throw new IllegalStateException("programs: " + MAX_PROGRAMS + " distinct (expected: fewer)");
            }
            id = nextProgramId++;
        }
        if (id >= programs.length) {
            programs = Arrays.copyOf(programs, programs.length * 2);
            programRefs = Arrays.copyOf(programRefs, programs.length);
        }
        programs[id] = program;
        programIds.put(program, id);
        programCount++;
        return id;
    }

    /** Returns the first octet of a free block of {@code size} octets (the location of its prefix). */
    private int allocate(int size) {
        Integer free = freeBlocks.get(size);
        if (free != null) {
            int location = free;
            int next = (int) INT.get(pages[location >>> PAGE_SHIFT], (location & OFFSET_MASK) - 4);
            if (next == 0) {
                freeBlocks.remove(size);
            } else {
                freeBlocks.put(size, next);
            }
            return location - PREFIX;
        }
        if (pageFill + size > PAGE_SIZE) {
            if (pageCount == pages.length) {
                if (pageCount == 1 << (31 - PAGE_SHIFT)) {
                    throw new IllegalStateException("template pages: " + pageCount + " (expected: fewer)");
                }
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = new byte[PAGE_SIZE];
            pageFill = 0;
        }
        int at = (pageCount - 1) << PAGE_SHIFT | pageFill;
        pageFill += size;
        return at;
    }

    /** The content hash of a template for the sharing index: its shape and octets, eight at a time. */
    private static int hash(int shape, byte[] bytes, int offset, int length) {
        long h = (shape + 1L) * 0x9E37_79B9_7F4A_7C15L;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ (long) LONG.get(bytes, offset + i)) * 0x9E37_79B9_7F4A_7C15L;
            h ^= h >>> 29;
        }
        for (; i < length; i++) {
            h = (h ^ (bytes[offset + i] & 0xFF)) * 0x1000_0000_01B3L;
        }
        h ^= h >>> 32;
        h *= 0xD6E8_FEB8_6659_FD93L;
        return (int) (h ^ h >>> 32);
    }

    private void insert(int location, int hash) {
        if (templateCount * 4L > index.length * 3L) {
            int[] oldIndex = index;
            int[] oldHashes = indexHashes;
            index = new int[oldIndex.length * 2];
            indexHashes = new int[oldIndex.length * 2];
            for (int i = 0; i < oldIndex.length; i++) {
                if (oldIndex[i] != 0) {
                    place(oldIndex[i], oldHashes[i]);
                }
            }
        }
        place(location, hash);
    }

    private void place(int location, int hash) {
        int mask = index.length - 1;
        int i = hash & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = location;
        indexHashes[i] = hash;
    }

    /** Deletes a location from the index by backward shifting (linear probing). */
    private void delete(int location, int hash) {
        int mask = index.length - 1;
        int i = hash & mask;
        while (index[i] != location) {
            i = (i + 1) & mask;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (index[j] == 0) {
                break;
            }
            int home = indexHashes[j] & mask;
            boolean between = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!between) {
                index[i] = index[j];
                indexHashes[i] = indexHashes[j];
                i = j;
            }
        }
        index[i] = 0;
        indexHashes[i] = 0;
    }
}
