/**
 * The Python half of the bridge, executed once in the embedded interpreter as module `_ndbridge_bridge`.
 *
 * - `FastMemory`: a Python object that describes memory owned by a JavaScript ArrayBuffer through
 *   `__array_interface__` and `__dlpack__`. NumPy arrays made from it keep it as their base; JavaScript
 *   keeps the ArrayBuffer alive for as long as anything but JavaScript itself holds a reference to it.
 * - `dlpack_import(obj)`: consume another producer's `__dlpack__` capsule and describe its memory, keeping
 *   the capsule's tensor alive until `release()`.
 * - `call_arrays(fn, *args, **kwargs)`: `fn(*args, **kwargs)` with NumPy scalars in the result (also inside
 *   tuples) made 0-d arrays, so that a call nd sends to NumPy by its BLAS rule returns what fast returns.
 *
 * DLPack structs are laid out with ctypes (DLTensor 48 bytes, DLManagedTensor 64, versioned 80 on 64-bit).
 */
export const BRIDGE_MODULE_NAME = '_ndbridge_bridge';

export const BRIDGE_PY = String.raw`
import ctypes as _ct
import sys as _sys

class _DLDevice(_ct.Structure):
    _fields_ = [("device_type", _ct.c_int32), ("device_id", _ct.c_int32)]

class _DLDataType(_ct.Structure):
    _fields_ = [("code", _ct.c_uint8), ("bits", _ct.c_uint8), ("lanes", _ct.c_uint16)]

class _DLTensor(_ct.Structure):
    _fields_ = [("data", _ct.c_void_p), ("device", _DLDevice), ("ndim", _ct.c_int32), ("dtype", _DLDataType),
                ("shape", _ct.POINTER(_ct.c_int64)), ("strides", _ct.POINTER(_ct.c_int64)),
                ("byte_offset", _ct.c_uint64)]

class _DLManaged(_ct.Structure):
    pass

class _DLVersion(_ct.Structure):
    _fields_ = [("major", _ct.c_uint32), ("minor", _ct.c_uint32)]

class _DLManagedVersioned(_ct.Structure):
    pass

_DELETER = _ct.CFUNCTYPE(None, _ct.c_void_p)
_DLManaged._fields_ = [("dl_tensor", _DLTensor), ("manager_ctx", _ct.c_void_p), ("deleter", _ct.c_void_p)]
_DLManagedVersioned._fields_ = [("version", _DLVersion), ("manager_ctx", _ct.c_void_p), ("deleter", _ct.c_void_p),
                                ("flags", _ct.c_uint64), ("dl_tensor", _DLTensor)]
_FLAG_READ_ONLY = 1
_KDLCPU = 1
_CODES = {"b": 6, "i": 0, "u": 1, "f": 2, "c": 5}
_KINDS = {6: "b", 0: "i", 1: "u", 2: "f", 5: "c"}

_api = _ct.pythonapi
_api.PyCapsule_New.restype = _ct.py_object
_api.PyCapsule_New.argtypes = [_ct.c_void_p, _ct.c_char_p, _ct.c_void_p]
_api.PyCapsule_IsValid.restype = _ct.c_int
_api.PyCapsule_IsValid.argtypes = [_ct.py_object, _ct.c_char_p]
_api.PyCapsule_GetPointer.restype = _ct.c_void_p
_api.PyCapsule_GetPointer.argtypes = [_ct.py_object, _ct.c_char_p]
_api.PyCapsule_SetName.restype = _ct.c_int
_api.PyCapsule_SetName.argtypes = [_ct.py_object, _ct.c_char_p]

# Capsule names. PyCapsule keeps the char* it is given without copying it, so the names must live as long
# as the interpreter: module-level bytes objects do.
_NAME = b"dltensor"
_NAME_VERSIONED = b"dltensor_versioned"
_USED = {_NAME: b"used_dltensor", _NAME_VERSIONED: b"used_dltensor_versioned"}

# Exported tensors still referenced by a consumer: struct address -> (struct, shape, strides, owner).
_exported = {}

@_DELETER
def _export_deleter(address, _exported=_exported):
    _exported.pop(address, None)

_EXPORT_DELETER_ADDRESS = _ct.cast(_export_deleter, _ct.c_void_p).value

def _call_deleter(address, struct_type):
    managed = struct_type.from_address(address)
    if managed.deleter:
        _DELETER(managed.deleter)(address)

@_ct.CFUNCTYPE(None, _ct.c_void_p)
def _capsule_destructor(capsule_address):
    # A capsule nobody consumed still owns its tensor: free it. Consumed ones were renamed "used_...".
    capsule = _ct.cast(capsule_address, _ct.py_object)
    for name, struct_type in ((_NAME, _DLManaged), (_NAME_VERSIONED, _DLManagedVersioned)):
        if _api.PyCapsule_IsValid(capsule, name):
            _call_deleter(_api.PyCapsule_GetPointer(capsule, name), struct_type)
            return

_CAPSULE_DESTRUCTOR_ADDRESS = _ct.cast(_capsule_destructor, _ct.c_void_p).value


class FastMemory:
    """Memory of an ndbridge fast array (a JavaScript ArrayBuffer), seen from Python.

    NumPy reads it through __array_interface__ (np.asarray) or __dlpack__ (np.from_dlpack). JavaScript keeps
    the ArrayBuffer alive while any Python object still refers to this one.
    """
    __slots__ = ("__array_interface__", "_shape", "_strides", "_itemsize", "_kind", "_address", "_readonly", "__weakref__")

    def __init__(self, shape, typestr, address, readonly, strides):
        shape = tuple(int(d) for d in shape)
        self._shape = shape
        self._itemsize = int(typestr[2:])
        self._kind = typestr[1]
        self._address = int(address)
        self._readonly = bool(readonly)
        self._strides = None if strides is None else tuple(int(s) for s in strides)
        self.__array_interface__ = {"shape": shape, "typestr": typestr, "data": (self._address, self._readonly),
                                    "strides": self._strides, "version": 3}

    def __repr__(self):
        return "<ndbridge FastMemory shape=%r typestr=%r>" % (self._shape, self.__array_interface__["typestr"])

    def __dlpack_device__(self):
        return (_KDLCPU, 0)

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        if dl_device is not None and tuple(dl_device) != (_KDLCPU, 0):
            raise BufferError("ndbridge fast memory lives on the CPU; it cannot be exported to device %r" % (dl_device,))
        if copy:
            raise BufferError("ndbridge exports fast memory without copying; call np.from_dlpack(x, copy=False) or copy after import")
        versioned = max_version is not None and tuple(max_version)[0] >= 1
        if self._readonly and not versioned:
            raise BufferError("a read-only fast array can only be exported with DLPack >= 1.0 (which has a read-only flag)")
        ndim = len(self._shape)
        shape = (_ct.c_int64 * max(ndim, 1))(*self._shape)
        if self._strides is None:
            strides = None
        else:
            for s in self._strides:
                if s % self._itemsize:
                    raise BufferError("strides %r are not multiples of the item size %d" % (self._strides, self._itemsize))
            strides = (_ct.c_int64 * max(ndim, 1))(*(s // self._itemsize for s in self._strides))
        managed = _DLManagedVersioned() if versioned else _DLManaged()
        t = managed.dl_tensor
        t.data = self._address
        t.device = _DLDevice(_KDLCPU, 0)
        t.ndim = ndim
        t.dtype = _DLDataType(_CODES[self._kind], self._itemsize * 8, 1)
        t.shape = _ct.cast(shape, _ct.POINTER(_ct.c_int64))
        t.strides = _ct.cast(strides, _ct.POINTER(_ct.c_int64)) if strides is not None else _ct.POINTER(_ct.c_int64)()
        t.byte_offset = 0
        managed.deleter = _EXPORT_DELETER_ADDRESS
        if versioned:
            managed.version = _DLVersion(1, 0)
            managed.flags = _FLAG_READ_ONLY if self._readonly else 0
        address = _ct.addressof(managed)
        _exported[address] = (managed, shape, strides, self)
        name = _NAME_VERSIONED if versioned else _NAME
        return _api.PyCapsule_New(address, name, _CAPSULE_DESTRUCTOR_ADDRESS)


class DLPackImport:
    """A tensor taken from another producer's __dlpack__, kept alive until release()."""
    __slots__ = ("address", "typecode", "bits", "shape", "strides", "readonly", "_managed", "_struct_type")

    def __init__(self, producer):
        try:
            capsule = producer.__dlpack__(max_version=(1, 0))
        except TypeError:
            capsule = producer.__dlpack__()
        if _api.PyCapsule_IsValid(capsule, _NAME_VERSIONED):
            name, struct_type = _NAME_VERSIONED, _DLManagedVersioned
        elif _api.PyCapsule_IsValid(capsule, _NAME):
            name, struct_type = _NAME, _DLManaged
        else:
            raise BufferError("__dlpack__ returned something that is not an unconsumed DLPack capsule")
        managed_address = _api.PyCapsule_GetPointer(capsule, name)
        managed = struct_type.from_address(managed_address)
        t = managed.dl_tensor
        if t.device.device_type != _KDLCPU:
            raise BufferError("DLPack tensor is on device type %d; only CPU memory can be shared" % t.device.device_type)
        if t.dtype.lanes != 1:
            raise BufferError("DLPack tensor has %d lanes; only scalar element types are supported" % t.dtype.lanes)
        _api.PyCapsule_SetName(capsule, _USED[name])
        self._managed = managed_address
        self._struct_type = struct_type
        ndim = t.ndim
        itemsize = t.dtype.bits // 8
        self.shape = tuple(t.shape[i] for i in range(ndim))
        self.strides = None if not t.strides else tuple(t.strides[i] * itemsize for i in range(ndim))
        self.address = (t.data or 0) + t.byte_offset
        self.typecode = _KINDS.get(t.dtype.code, "?%d" % t.dtype.code)
        self.bits = t.dtype.bits
        self.readonly = bool(struct_type is _DLManagedVersioned and managed.flags & _FLAG_READ_ONLY)

    def typestr(self):
        size = self.bits // 8
        return ("|" if size == 1 else ("<" if _sys.byteorder == "little" else ">")) + self.typecode + str(size)

    def release(self):
        address = getattr(self, "_managed", None)
        self._managed = None
        if address:
            _call_deleter(address, self._struct_type)

    def __del__(self):
        self.release()


def exported_count():
    return len(_exported)


_np = None

def _as_arrays(r):
    global _np
    if _np is None:
        import numpy as _np
    if isinstance(r, _np.generic):
        return _np.asarray(r)
    if isinstance(r, tuple):
        return tuple(_as_arrays(x) for x in r)
    return r

def call_arrays(fn, *args, **kwargs):
    return _as_arrays(fn(*args, **kwargs))
`;
