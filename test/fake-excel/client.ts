/**
 * The client side of the fake: proxy objects, the request queue and `context.sync()`, modelled on
 * office.js (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js) rather than on its
 * documentation alone:
 *
 * - Creating any API object (`getItem`, `getRange`, `range.format`, …) queues an *Instantiate* request
 *   at that point of the batch (office.js `ClientObject` constructor → `createInstantiateAction`). So
 *   `getItem('Missing')` fails the next sync even if nothing else touches it, `getUsedRange()` is the
 *   used range as of that point in the batch, and after that sync `isNullObject` can be read without
 *   any load.
 * - Every load, property set and method call is one more request. The request body is built by
 *   `JSON.stringify` when `sync()` is called, so the host sees Dates as ISO strings, NaN/undefined as
 *   null, exactly like Excel does.
 * - A property can be read once a sync has loaded it, or after the add-in set it (office.js keeps the
 *   set value in the proxy); otherwise it throws PropertyNotLoaded. On a null object every property
 *   reads `undefined` and every request is ignored.
 * - Excel runs a batch's requests in order and stops at the first failure: earlier requests stay
 *   applied (there is no rollback), later ones are dropped, and no load of that batch is delivered.
 * - Objects stay valid across the syncs of one `run`; once it ends they are released, and queuing on
 *   them throws InvalidObjectPath.
 */
import {
  FakeRichApiError,
  apiNotFoundByHost,
  apiNotSupportedByClient,
  invalidArgument,
  invalidObjectPath,
  itemNotFound,
  propertyNotLoaded,
  requestPayloadTooLarge,
  responsePayloadTooLarge,
  valueNotLoaded,
} from './errors';
import { HostSheet, type HostWorkbook } from './model';

// ---------------------------------------------------------------------------------------------------
// Type descriptions: what each API class can load, set and navigate to

/** Host-side binding of a proxy: a HostSheet, a range reference, … ; null for a null object. */
export type Binding = unknown;

export interface PropertyDef {
  /** Reads the property from the host (for a load). */
  readonly read: (binding: any, host: HostWorkbook) => unknown;
  /** Writes it on the host; absent for read-only properties. */
  readonly write?: (binding: any, value: unknown, host: HostWorkbook) => void;
  /** The ExcelApi version that has the property; an older host refuses a load or set of it at sync. */
  readonly since?: string;
  /** A later version needed only to set it (Worksheet.visibility is read in 1.1, set in 1.2). */
  readonly writeSince?: string;
  /** office.js itself checks `since` when the loaded value is read (Range.hyperlink, columnWidth, …). */
  readonly clientCheck?: boolean;
}

export interface NavDef {
  readonly type: ProxyClass;
  readonly resolve: (parent: any, host: HostWorkbook) => Binding;
  /** office.js checks the requirement set in the getter, before any request is made. */
  readonly clientSince?: string;
}

export interface TypeDef {
  readonly name: string;
  readonly props: Readonly<Record<string, PropertyDef>>;
  readonly navs: Readonly<Record<string, NavDef>>;
  /** Collections: the type of their items and how the host lists them. */
  readonly items?: {
    readonly type: ProxyClass;
    readonly list: (binding: any, host: HostWorkbook) => readonly { readonly binding: Binding; readonly key: string | number }[];
  };
}

export interface ProxyInit {
  readonly context: FakeRequestContext;
  readonly parent: FakeClientObject | null;
  readonly path: ObjectPathInfo;
  readonly resolve: (parent: any, host: HostWorkbook) => Binding;
  /** What debugInfo.errorLocation names when creating the object fails, e.g. 'WorksheetCollection.getItem'. */
  readonly location: string;
  /** Objects built from a load result are not instantiated by a request of their own. */
  readonly silent?: boolean;
  readonly binding?: Binding;
  /** Other proxies the path refers to (a Range passed to `notes.add`): they travel with it. */
  readonly references?: readonly FakeClientObject[];
}

export type ProxyClass<T extends FakeClientObject = FakeClientObject> = (new (init: ProxyInit) => T) & { readonly def: TypeDef };

/** The part of the host the engine needs; FakeExcelHost implements it. */
export interface HostPort {
  readonly book: HostWorkbook;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  recordSync(record: { requests: number; bytes: number; responseBytes: number; error: string | null; loads: readonly string[] }): void;
  recordEmptySync(): void;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo: { Arguments?: unknown[] };
}

const UNBOUND = Symbol('unbound');
const PATH_GLOBAL = 1;
const PATH_METHOD = 3;
const PATH_PROPERTY = 4;
const PATH_INDEXER = 5;

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

// ---------------------------------------------------------------------------------------------------
// Load options

interface LoadTree {
  all: boolean;
  readonly props: Set<string>;
  readonly navs: Map<string, LoadTree>;
}

const newTree = (all = false): LoadTree => ({ all, props: new Set(), navs: new Map() });

function addPath(tree: LoadTree, segments: readonly string[]): void {
  if (segments.length === 0) {
    tree.all = true;
    return;
  }
  const [head, ...rest] = segments;
  if (rest.length === 0) tree.props.add(head);
  else {
    let sub = tree.navs.get(head);
    if (!sub) tree.navs.set(head, (sub = newTree()));
    addPath(sub, rest);
  }
}

function treeFromObject(options: Record<string, unknown>, tree: LoadTree, collection: boolean): void {
  for (const [key, value] of Object.entries(options)) {
    if (key === '$all') tree.all ||= value === true;
    else if (key.startsWith('$')) continue; // $top, $skip: the fake always returns every item
    else if (collection && key === 'items' && value && typeof value === 'object') treeFromObject(value as Record<string, unknown>, tree, false);
    else if (value === true) tree.props.add(key);
    else if (value && typeof value === 'object') {
      const sub = newTree();
      treeFromObject(value as Record<string, unknown>, sub, false);
      tree.navs.set(key, sub);
    }
  }
}

/** `load()` accepts 'a, b/c', ['a', 'b/c'], { select, expand } or { a: true, b: { c: true } }. */
function parseLoad(option: unknown, collection: boolean): LoadTree {
  if (option === undefined || option === null || option === '') return newTree(true);
  const tree = newTree();
  const addText = (text: string): void => {
    for (const raw of text.split(',')) {
      let p = raw.trim();
      if (!p) continue;
      if (collection && (p === 'items' || p.startsWith('items/'))) p = p.slice(6);
      addPath(tree, p ? p.split('/') : []);
    }
  };
  if (typeof option === 'string') addText(option);
  else if (Array.isArray(option)) option.forEach((o) => addText(String(o)));
  else if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if (typeof o.select === 'string' || typeof o.expand === 'string') {
      if (typeof o.select === 'string') addText(o.select);
      if (typeof o.expand === 'string') for (const nav of o.expand.split(',')) if (nav.trim()) addPath(tree, [...nav.trim().replace(/^items\//, '').split('/'), '']);
      // An expand path ends in '' so that the navigation property is loaded whole.
      fixExpand(tree);
    } else treeFromObject(o, tree, collection);
  } else throw invalidArgument('load option');
  if (tree.props.size === 0 && tree.navs.size === 0) tree.all = true;
  return tree;
}

function fixExpand(tree: LoadTree): void {
  if (tree.props.delete('')) tree.all = true;
  for (const sub of tree.navs.values()) fixExpand(sub);
}

interface ReadResult {
  readonly isNull: boolean;
  readonly values: Record<string, unknown>;
  readonly navs: Map<string, ReadResult>;
  readonly items?: { readonly binding: Binding; readonly key: string | number; readonly result: ReadResult }[];
}

function toWire(result: ReadResult): unknown {
  if (result.isNull) return null;
  const out: Record<string, unknown> = { ...result.values };
  for (const [name, sub] of result.navs) out[name] = toWire(sub);
  if (result.items) out.items = result.items.map((i) => toWire(i.result));
  return out;
}

/** A binding to something deleted (a sheet, a chart, or a part of one) fails with ItemNotFound. */
function checkLive(binding: Binding): void {
  const b = binding as { sheet?: unknown; deleted?: unknown; chart?: { deleted?: unknown } } | null;
  if (b && typeof b === 'object' && (b.deleted === true || b.chart?.deleted === true)) throw itemNotFound();
  const sheet = binding instanceof HostSheet ? binding : b?.sheet;
  if (sheet instanceof HostSheet && sheet.deleted) throw itemNotFound();
}

/** Host side of a load: the selected properties of `def` for `binding`, recursively. */
function readObject(def: TypeDef, binding: Binding, tree: LoadTree, host: HostWorkbook): ReadResult {
  if (binding === null) return { isNull: true, values: {}, navs: new Map() };
  checkLive(binding);
  if (def.items) {
    // A collection's own scalars (RangeBorderCollection.count) are read on it; every other name is
    // an item property ('name' and 'items/name' alike), as office.js reads collection load options.
    const supported = (n: string): boolean => !def.props[n].since || host.supports(def.props[n].since!);
    const own = tree.all ? Object.keys(def.props).filter(supported) : [...tree.props].filter((p) => def.props[p]);
    const values: Record<string, unknown> = {};
    for (const name of own) {
      if (!supported(name)) throw apiNotFoundByHost(`${def.name}.${name}`);
      values[name] = def.props[name].read(binding, host);
    }
    const rest: LoadTree = { all: tree.all, props: new Set([...tree.props].filter((p) => !def.props[p])), navs: tree.navs };
    if (!rest.all && rest.props.size === 0 && rest.navs.size === 0) return { isNull: false, values, navs: new Map() };
    // 'areas/items/address' reaches a nested collection's items through an explicit 'items' step.
    const itemTree = rest.navs.get('items') ?? (rest.props.has('items') ? newTree(true) : rest);
    const items = def.items.list(binding, host).map((item) => ({ ...item, result: readObject(def.items!.type.def, item.binding, itemTree, host) }));
    return { isNull: false, values, navs: new Map(), items };
  }
  const values: Record<string, unknown> = {};
  const navs = new Map<string, ReadResult>();
  const names = tree.all ? Object.keys(def.props).filter((n) => !def.props[n].since || host.supports(def.props[n].since!)) : [...tree.props];
  const navTrees = new Map(tree.navs);
  for (const name of names) {
    const prop = def.props[name];
    if (prop) {
      if (prop.since && !host.supports(prop.since)) throw apiNotFoundByHost(`${def.name}.${name}`);
      values[name] = prop.read(binding, host);
    } else if (def.navs[name]) {
      if (!navTrees.has(name)) navTrees.set(name, newTree(true));
    } else throw invalidArgument(`${def.name} has no property '${name}' to load`);
  }
  for (const [name, sub] of navTrees) {
    const nav = def.navs[name];
    if (!nav) throw invalidArgument(`${def.name} has no navigation property '${name}' to load`);
    navs.set(name, readObject(nav.type.def, nav.resolve(binding, host), sub, host));
  }
  return { isNull: false, values, navs };
}

// ---------------------------------------------------------------------------------------------------
// Requests

type RequestKind = 'Instantiate' | 'Query' | 'Method' | 'SetProperty';
const ACTION_TYPE: Record<RequestKind, number> = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 };

interface Request {
  readonly id: number;
  readonly kind: RequestKind;
  readonly target: FakeClientObject;
  /** Member name as the API spells it ('values', 'getItem'); '' for Instantiate and Query. */
  readonly name: string;
  /** Sent as JSON; read at sync, as office.js builds the body then. */
  readonly args: () => unknown[];
  readonly location: string;
  readonly since?: string;
  readonly tree?: LoadTree;
  readonly run?: (binding: any, args: unknown[], host: HostWorkbook) => unknown;
  readonly result?: FakeClientResult<unknown>;
  /** API objects among the arguments: their paths go with the request. */
  readonly references?: readonly FakeClientObject[];
}

interface Outcome {
  readonly value: unknown;
  readonly apply?: () => void;
}

function execute(request: Request, args: unknown[], host: HostWorkbook): Outcome {
  const { target } = request;
  if (request.since && !host.supports(request.since)) throw apiNotFoundByHost(request.location);
  const binding = target._bind(host);
  switch (request.kind) {
    case 'Instantiate':
      return { value: binding === null ? null : {}, apply: () => (target._isNull = binding === null) };
    case 'Query': {
      const result = readObject(target._def, binding, request.tree!, host);
      const wire = toWire(result);
      return { value: wire, apply: () => target._applyRead(result, wire) };
    }
    default: {
      // Requests on a null object are ignored, as Excel ignores them.
      if (binding === null) return { value: null, apply: request.result ? () => request.result!._set(null) : undefined };
      checkLive(binding);
      const value = request.run!(binding, args, host);
      const wire = value === undefined ? null : clone(value);
      return { value: wire, apply: request.result ? () => request.result!._set(wire) : undefined };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Proxies

/** How an argument is sent: an API object as a reference to its path, anything else as its JSON. */
function wireArg(a: unknown): unknown {
  return a instanceof FakeClientObject ? { _ObjectPathId: a._path.Id } : (clone(a) ?? null);
}

export class FakeClientResult<T> {
  private loaded = false;
  private current: T | undefined;

  get value(): T {
    if (!this.loaded) throw valueNotLoaded();
    return this.current as T;
  }

  /** @internal */
  _set(value: unknown): void {
    this.loaded = true;
    this.current = value as T;
  }
}

export abstract class FakeClientObject {
  static readonly def: TypeDef;

  readonly context: FakeRequestContext;
  /** @internal */ readonly _parent: FakeClientObject | null;
  /** @internal */ readonly _path: ObjectPathInfo;
  /** @internal */ readonly _location: string;
  /** @internal */ readonly _references: readonly FakeClientObject[];
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ _items: FakeClientObject[] | undefined;
  /** @internal */ readonly _loaded = new Map<string, unknown>();
  private readonly navCache = new Map<string, FakeClientObject>();
  private readonly resolver: (parent: any, host: HostWorkbook) => Binding;
  private binding: Binding | typeof UNBOUND;

  constructor(init: ProxyInit) {
    this.context = init.context;
    this._parent = init.parent;
    this._path = init.path;
    this._location = init.location;
    this._references = init.references ?? [];
    this.resolver = init.resolve;
    this.binding = init.binding === undefined ? UNBOUND : init.binding;
    if (init.binding !== undefined) this._isNull = init.binding === null;
    if (!init.silent) this._queue({ kind: 'Instantiate', name: '', args: () => [], location: init.location });
  }

  /** @internal */
  get _def(): TypeDef {
    return (this.constructor as ProxyClass).def;
  }

  get isNullObject(): boolean {
    // office.js: throwIfNotLoaded('isNullObject', this._isNull, null, this._isNull).
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', null);
    return this._isNull;
  }

  /** Queues a load: 'a, b/c', ['a'], { select, expand }, or { a: true, b: { c: true } }. */
  load(option?: unknown): this {
    const tree = parseLoad(option, this._def.items !== undefined);
    this._queue({ kind: 'Query', name: '', args: () => [], location: this._def.name, tree });
    return this;
  }

  /** `set({ fill: { color } })`: sets several properties, recursing into navigation properties. */
  set(properties: Record<string, unknown>): void {
    if (!properties || typeof properties !== 'object') throw invalidArgument('set() needs an object').withLocation(`${this._def.name}.set`);
    for (const [name, value] of Object.entries(properties)) {
      if (this._def.props[name]?.write) (this as unknown as Record<string, unknown>)[name] = value;
      else if (this._def.navs[name] && value && typeof value === 'object') this._nav(name).set(value as Record<string, unknown>);
      else throw invalidArgument(`${this._def.name}.${name} cannot be set`).withLocation(`${this._def.name}.set`);
    }
  }

  /** Loaded properties only, as office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of this._loaded) out[name] = value;
    for (const [name, nav] of this.navCache) {
      const json = nav.toJSON();
      if (Object.keys(json).length) out[name] = json;
    }
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }

  // ---- used by the API classes ----

  /** @internal */
  _get(name: string): unknown {
    if (this._loaded.has(name)) {
      const prop = this._def.props[name];
      if (prop?.clientCheck && prop.since) this._checkClient(name, prop.since);
      return this._loaded.get(name);
    }
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(name, this._def.name);
  }

  /** @internal */
  _set(name: string, value: unknown): void {
    const prop = this._def.props[name];
    this._queue({
      kind: 'SetProperty',
      name,
      args: () => [value],
      location: `${this._def.name}.${name}`,
      since: prop.writeSince ?? prop.since,
      run: (binding, args, host) => prop.write!(binding, args[0], host),
    });
    // office.js keeps the value in the proxy, so it reads back before any sync.
    this._loaded.set(name, value);
  }

  /** @internal */
  get _itemsLoaded(): FakeClientObject[] {
    if (this._items) return this._items;
    if (this._isNull === true) return [];
    throw propertyNotLoaded('items', this._def.name);
  }

  /** A navigation property (`range.format`): created once, on first use. @internal */
  _nav(name: string, silent = false): FakeClientObject {
    const def = this._def.navs[name];
    if (def.clientSince && !silent) this._checkClient(name, def.clientSince);
    let child = this.navCache.get(name);
    if (!child) {
      child = new def.type({
        context: this.context,
        parent: this,
        path: this.context._newPath(PATH_PROPERTY, pascal(name), this),
        resolve: def.resolve,
        location: `${this._def.name}.${name}`,
        silent,
      });
      this.navCache.set(name, child);
    }
    return child;
  }

  /** A method returning an API object (`getItem`, `getRange`): creates it, and its Instantiate request. @internal */
  _method<T extends FakeClientObject>(
    type: ProxyClass<T>,
    name: string,
    args: unknown[],
    resolve: (parent: any, host: HostWorkbook, args: unknown[]) => Binding,
    options: { clientSince?: string; since?: string; references?: FakeClientObject[]; indexer?: boolean } = {},
  ): T {
    if (options.clientSince) this._checkClient(name, options.clientSince);
    const location = `${this._def.name}.${name}`;
    const wireArgs = args.map(wireArg);
    return new type({
      context: this.context,
      parent: this,
      // office.js makes `collection.getItem(key)` an indexer path (type 5, no name), other methods type 3.
      path: options.indexer ? this.context._newPath(PATH_INDEXER, '', this, wireArgs) : this.context._newPath(PATH_METHOD, pascal(name), this, wireArgs),
      resolve: (parent, host) => {
        if (options.since && !host.supports(options.since)) throw apiNotFoundByHost(location);
        return resolve(parent, host, wireArgs);
      },
      location,
      references: options.references,
    });
  }

  /** A method with no object result (`activate`, `clear`), or with a ClientResult (`getCount`). @internal */
  _invoke(
    name: string,
    args: unknown[],
    run: (binding: any, args: unknown[], host: HostWorkbook) => unknown,
    options: { clientSince?: string; since?: string } = {},
  ): FakeClientResult<unknown> {
    if (options.clientSince) this._checkClient(name, options.clientSince);
    const result = new FakeClientResult<unknown>();
    // An API object passed as an argument (`setPrintTitleRows(range)`) travels as a reference to its path.
    const references = args.filter((a): a is FakeClientObject => a instanceof FakeClientObject);
    this._queue({ kind: 'Method', name, args: () => args.map((a) => (a instanceof FakeClientObject ? wireArg(a) : a)), location: `${this._def.name}.${name}`, since: options.since, run, result, references });
    return result;
  }

  /** @internal */
  _checkClient(member: string, version: string): void {
    if (!this.context._host.book.supports(version)) throw apiNotSupportedByClient(`${this._def.name}.${member}`, version);
  }

  /** Resolves (once) which host object this proxy stands for. @internal */
  _bind(host: HostWorkbook): Binding {
    if (this.binding !== UNBOUND) return this.binding;
    const parent = this._parent ? this._parent._bind(host) : host;
    if (parent === null) return (this.binding = null);
    for (const ref of this._references) ref._bind(host);
    try {
      checkLive(parent);
      this.binding = this.resolver(parent, host);
    } catch (error) {
      throw error instanceof FakeRichApiError ? error.withLocation(this._location) : error;
    }
    return this.binding;
  }

  /** @internal */
  _applyRead(result: ReadResult, wire: unknown): void {
    this._isNull = result.isNull;
    if (result.isNull) return;
    const w = wire as Record<string, unknown>;
    for (const name of Object.keys(result.values)) this._loaded.set(name, clone(w[name]));
    for (const [name, sub] of result.navs) this._nav(name, true)._applyRead(sub, w[name]);
    if (result.items) {
      const { type } = this._def.items!;
      const wires = w.items as unknown[];
      this._items = result.items.map((item, i) => {
        const proxy = new type({
          context: this.context,
          parent: this,
          path: this.context._newPath(PATH_INDEXER, '', this, [item.key]),
          resolve: () => item.binding,
          location: `${this._def.name}.items`,
          silent: true,
          binding: item.binding,
        });
        proxy._applyRead(item.result, wires[i]);
        return proxy;
      });
    }
  }

  private _queue(request: Omit<Request, 'id' | 'target'>): void {
    if (this.context._closed) throw invalidObjectPath(this._location);
    this.context._pending.push({ ...request, id: this.context._nextId(), target: this });
  }
}

// ---------------------------------------------------------------------------------------------------
// The request context

export class FakeRequestContext {
  /** Excel.run ends by releasing its objects; the fake then refuses new requests on them. @internal */
  _closed = false;
  /** @internal */ _pending: Request[] = [];
  /** No-ops: within one run every object stays valid, as Excel.run's automatic tracking makes them. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private idCounter = 0;
  private workbookProxy: FakeClientObject | undefined;

  constructor(
    /** @internal */ readonly _host: HostPort,
    private readonly workbookType: ProxyClass,
  ) {}

  get workbook(): FakeClientObject {
    this.workbookProxy ??= new this.workbookType({
      context: this,
      parent: null,
      path: this._newPath(PATH_GLOBAL, '', null),
      resolve: (_parent, host) => host,
      location: 'Workbook',
    });
    return this.workbookProxy;
  }

  /** @internal */
  _nextId(): number {
    return ++this.idCounter;
  }

  /** @internal */
  _newPath(type: number, name: string, parent: FakeClientObject | null, args?: unknown[]): ObjectPathInfo {
    return {
      Id: this._nextId(),
      ObjectPathType: type,
      Name: name,
      ...(parent ? { ParentObjectPathId: parent._path.Id } : {}),
      ArgumentInfo: args ? { Arguments: args } : {},
    };
  }

  /**
   * Sends the queued requests as one batch. A sync with nothing queued makes no round trip (office.js
   * returns at once) and is counted apart, in `emptySyncs`.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const requests = this._pending;
    this._pending = [];
    if (requests.length === 0) {
      this._host.recordEmptySync();
      return passThroughValue as T;
    }
    const wire = JSON.stringify(this.message(requests));
    const bytes = utf8Length(wire);
    // A round trip: nothing below happens before the caller awaits.
    await Promise.resolve();
    const loads = requests.flatMap((r) => (r.kind === 'Query' && r.tree ? [...r.tree.props].map((name) => `${r.target._def.name}.${name}`) : []));
    const record = { requests: requests.length, bytes, responseBytes: 0, error: null as string | null, loads };
    try {
      if (bytes > this._host.requestLimitBytes) throw requestPayloadTooLarge();
      const sent = JSON.parse(wire) as { Actions: { ArgumentInfo?: { Arguments?: unknown[] } }[] };
      const results: { ActionId: number; Value: unknown }[] = [];
      const appliers: (() => void)[] = [];
      for (let i = 0; i < requests.length; i++) {
        let outcome: Outcome;
        try {
          outcome = execute(requests[i], sent.Actions[i].ArgumentInfo?.Arguments ?? [], this._host.book);
        } catch (error) {
          throw error instanceof FakeRichApiError ? error.withLocation(requests[i].location) : error;
        }
        results.push({ ActionId: requests[i].id, Value: outcome.value });
        if (outcome.apply) appliers.push(outcome.apply);
      }
      record.responseBytes = utf8Length(JSON.stringify({ Results: results }));
      if (record.responseBytes > this._host.responseLimitBytes) throw responsePayloadTooLarge();
      for (const apply of appliers) apply();
      return passThroughValue as T;
    } catch (error) {
      record.error = (error as { code?: string }).code ?? String(error);
      if (!record.responseBytes) record.responseBytes = utf8Length(JSON.stringify({ Error: { Code: record.error } }));
      throw error;
    } finally {
      this._host.recordSync(record);
    }
  }

  /** The request body, shaped like office.js's: the actions, and every object path they use once. */
  private message(requests: readonly Request[]): unknown {
    const paths: Record<number, ObjectPathInfo> = {};
    const addPaths = (o: FakeClientObject | null): void => {
      for (let p = o; p && !paths[p._path.Id]; p = p._parent) {
        paths[p._path.Id] = p._path;
        p._references.forEach(addPaths);
      }
    };
    const actions = requests.map((r) => {
      addPaths(r.target);
      r.references?.forEach(addPaths);
      const base = { Id: r.id, ActionType: ACTION_TYPE[r.kind], Name: pascal(r.name), ObjectPathId: r.target._path.Id };
      if (r.kind === 'Query') return { ...base, QueryInfo: queryInfo(r.tree!) };
      if (r.kind === 'Method' || r.kind === 'SetProperty') return { ...base, ArgumentInfo: { Arguments: r.args() } };
      return base;
    });
    return { Actions: actions, ObjectPaths: paths };
  }
}

function queryInfo(tree: LoadTree, prefix = ''): { Select: string[]; Expand: string[] } {
  const select = tree.all ? [`${prefix}*`] : [...tree.props].map((p) => prefix + p);
  const expand: string[] = [];
  for (const [name, sub] of tree.navs) {
    expand.push(prefix + name);
    const inner = queryInfo(sub, `${prefix}${name}/`);
    select.push(...inner.Select);
    expand.push(...inner.Expand);
  }
  return { Select: select, Expand: expand };
}
