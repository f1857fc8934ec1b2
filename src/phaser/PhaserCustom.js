/**
 * The game's own Phaser build: the `Phaser` namespace assembled from Phaser's sources
 * (node_modules/phaser/src, CommonJS) with only what Phoenix Flow uses. vite.config.ts aliases
 * `phaser` to this file, so `import * as Phaser from 'phaser'` anywhere in src/ gets it, in dev
 * and in the build; TypeScript still reads the types of the full `phaser` package (this file is
 * plain JavaScript and outside the type check).
 *
 * Compile-time switches (`typeof WEBGL_RENDERER` and friends) are set in vite.config.ts:
 * WebGL, plus the small Canvas renderer as Phaser.AUTO's fallback; no sound, no WebGL debug, no
 * 3D camera, no Facebook Instant.
 *
 * Left out: physics (arcade, matter), tilemaps, sound, video, DOM element, particles, sprites,
 * groups (with Sprite and Actions they cost about 6 kB gz), bitmap text, blitter, nine-slice,
 * mesh/rope/shader/noise/gradient objects, lights, gamepad, curves, camera controls, the Filters
 * namespace (the renderer still carries the filters it needs), every loader file type except
 * image, SVG, JSON and text; layers, the ellipse/line/polygon/star/triangle shapes and the
 * `this.make` creators other than text and graphics (unused, about 3 kB gz); and the Structs and
 * Utils namespaces, with Math, Geom and Display cut to what the game calls (Math.Clamp,
 * Math.Vector2, Geom.Rectangle, Display.Color), about 12 kB gz: the whole namespaces keep every
 * member alive. Phaser's internals still require what they need by path. A missing piece shows up as `this.add.x is not a function` or an
 * undefined `Phaser.X`: add it here.
 *
 * Adding a Game Object later: import its class, and its Factory and Creator files, which
 * register `this.add.<name>` / `this.make.<name>` as a side effect of being imported.
 */

import CONST from 'phaser/src/const.js';
import Extend from 'phaser/src/utils/object/Extend.js';

// First, as in Phaser's own entry: the renderer's render nodes require this index and it requires
// them back, a cycle that only resolves when the index is loaded before any render node.
import RendererNamespace from 'phaser/src/renderer/index.js';

// Core
import GameClass from 'phaser/src/core/Game.js';
import Core from 'phaser/src/core/index.js';
import ClassHelper from 'phaser/src/utils/Class.js';
import BlendModesConst from 'phaser/src/renderer/BlendModes.js';
import ScaleModesConst from 'phaser/src/renderer/ScaleModes.js';
import TintModesConst from 'phaser/src/renderer/TintModes.js';

// Scenes, scale, cameras
import SceneClass from 'phaser/src/scene/Scene.js';
import ScenesNamespace from 'phaser/src/scene/index.js';
import ScaleNamespace from 'phaser/src/scale/index.js';
import Cameras2D from 'phaser/src/cameras/2d/index.js';

// Events, data, cache, structs, utils
import EventsNamespace from 'phaser/src/events/index.js';
import DataNamespace from 'phaser/src/data/index.js';
import CacheNamespace from 'phaser/src/cache/index.js';
import AnimationsNamespace from 'phaser/src/animations/index.js';

// Display, math, geometry, textures
import Color from 'phaser/src/display/color/index.js';
import Clamp from 'phaser/src/math/Clamp.js';
import Vector2 from 'phaser/src/math/Vector2.js';
import Rectangle2D from 'phaser/src/geom/rectangle/Rectangle.js';
import TexturesNamespace from 'phaser/src/textures/index.js';

// Input: mouse and touch (keys come from the page through src/ui/KeyRouter.ts; no gamepad)
import InputConst from 'phaser/src/input/const.js';
import InputEvents from 'phaser/src/input/events/index.js';
import CreateInteractiveObject from 'phaser/src/input/CreateInteractiveObject.js';
import CreatePixelPerfectHandler from 'phaser/src/input/CreatePixelPerfectHandler.js';
import InputManager from 'phaser/src/input/InputManager.js';
import InputPlugin from 'phaser/src/input/InputPlugin.js';
import InputPluginCache from 'phaser/src/input/InputPluginCache.js';
import Mouse from 'phaser/src/input/mouse/index.js';
import Pointer from 'phaser/src/input/Pointer.js';
import Touch from 'phaser/src/input/touch/index.js';

// Loader: image, SVG, JSON, text (each file type registers `this.load.<type>` when imported)
import LoaderConst from 'phaser/src/loader/const.js';
import LoaderEvents from 'phaser/src/loader/events/index.js';
import File from 'phaser/src/loader/File.js';
import FileTypesManager from 'phaser/src/loader/FileTypesManager.js';
import GetURL from 'phaser/src/loader/GetURL.js';
import LoaderPlugin from 'phaser/src/loader/LoaderPlugin.js';
import MergeXHRSettings from 'phaser/src/loader/MergeXHRSettings.js';
import MultiFile from 'phaser/src/loader/MultiFile.js';
import XHRLoader from 'phaser/src/loader/XHRLoader.js';
import XHRSettings from 'phaser/src/loader/XHRSettings.js';
import ImageFile from 'phaser/src/loader/filetypes/ImageFile.js';
import JSONFile from 'phaser/src/loader/filetypes/JSONFile.js';
import SVGFile from 'phaser/src/loader/filetypes/SVGFile.js';
import TextFile from 'phaser/src/loader/filetypes/TextFile.js';

// Tweens and time (both register their scene plugins when imported)
import TweensNamespace from 'phaser/src/tweens/index.js';
import TimeNamespace from 'phaser/src/time/index.js';

// Game Objects
import GameObjectEvents from 'phaser/src/gameobjects/events/index.js';
import DisplayList from 'phaser/src/gameobjects/DisplayList.js';
import GameObjectCreator from 'phaser/src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser/src/gameobjects/GameObjectFactory.js';
import UpdateList from 'phaser/src/gameobjects/UpdateList.js';
import Components from 'phaser/src/gameobjects/components/index.js';
import GetCalcMatrix from 'phaser/src/gameobjects/GetCalcMatrix.js';
import BuildGameObject from 'phaser/src/gameobjects/BuildGameObject.js';
import GameObject from 'phaser/src/gameobjects/GameObject.js';

import Container from 'phaser/src/gameobjects/container/Container.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js'; // this.add
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js'; // this.add
import 'phaser/src/gameobjects/graphics/GraphicsCreator.js'; // this.make
import Image from 'phaser/src/gameobjects/image/Image.js';
import 'phaser/src/gameobjects/image/ImageFactory.js'; // this.add
import RenderTexture from 'phaser/src/gameobjects/rendertexture/RenderTexture.js';
import 'phaser/src/gameobjects/rendertexture/RenderTextureFactory.js'; // this.add
import Text from 'phaser/src/gameobjects/text/Text.js';
import 'phaser/src/gameobjects/text/TextFactory.js'; // this.add
import 'phaser/src/gameobjects/text/TextCreator.js'; // this.make
import GetTextSize from 'phaser/src/gameobjects/text/GetTextSize.js';
import MeasureText from 'phaser/src/gameobjects/text/MeasureText.js';
import TextStyle from 'phaser/src/gameobjects/text/TextStyle.js';
import Zone from 'phaser/src/gameobjects/zone/Zone.js';
import Extern from 'phaser/src/gameobjects/extern/Extern.js'; // FlatPanels
import 'phaser/src/gameobjects/zone/ZoneFactory.js'; // this.add

// Shapes (factories only: Phaser has no creators for shapes)
import Shape from 'phaser/src/gameobjects/shape/Shape.js';
import Arc from 'phaser/src/gameobjects/shape/arc/Arc.js';
import 'phaser/src/gameobjects/shape/arc/ArcFactory.js'; // this.add
import Rectangle from 'phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js'; // this.add

// The top-level constants, as Phaser exports them (AUTO, WEBGL, FOREVER, ...).
export const VERSION = CONST.VERSION;
export const LOG_VERSION = CONST.LOG_VERSION;
export const AUTO = CONST.AUTO;
export const CANVAS = CONST.CANVAS;
export const WEBGL = CONST.WEBGL;
export const HEADLESS = CONST.HEADLESS;
export const FOREVER = CONST.FOREVER;
export const NONE = CONST.NONE;
export const LEFT = CONST.LEFT;
export const RIGHT = CONST.RIGHT;
export const UP = CONST.UP;
export const DOWN = CONST.DOWN;

export const Game = GameClass;
export const Class = ClassHelper;
export { Core };
export const BlendModes = BlendModesConst;
export const ScaleModes = ScaleModesConst;
export const TintModes = TintModesConst;
export const Renderer = RendererNamespace;

export const Scene = SceneClass;
export const Scenes = ScenesNamespace;
export const Scale = ScaleNamespace;
export const Cameras = { Scene2D: Cameras2D };

export const Events = EventsNamespace;
export const Data = DataNamespace;
export const Cache = CacheNamespace;
export const Animations = AnimationsNamespace;

export const Display = { Color };
export const Math = { Clamp, Vector2 };
export const Geom = { Rectangle: Rectangle2D };
export const Textures = TexturesNamespace;

export const Input = Extend(false, {
  CreateInteractiveObject,
  CreatePixelPerfectHandler,
  Events: InputEvents,
  InputManager,
  InputPlugin,
  InputPluginCache,
  Mouse,
  Pointer,
  Touch,
}, InputConst);

export const Loader = Extend(false, {
  Events: LoaderEvents,
  FileTypes: { ImageFile, JSONFile, SVGFile, TextFile },
  File,
  FileTypesManager,
  GetURL,
  LoaderPlugin,
  MergeXHRSettings,
  MultiFile,
  XHRLoader,
  XHRSettings,
}, LoaderConst);

export const Tweens = TweensNamespace;
export const Time = TimeNamespace;

export const GameObjects = {
  Events: GameObjectEvents,
  DisplayList,
  GameObjectCreator,
  GameObjectFactory,
  UpdateList,
  Components,
  GetCalcMatrix,
  BuildGameObject,
  GameObject,
  Container,
  Graphics,
  Image,
  RenderTexture,
  Text,
  GetTextSize,
  MeasureText,
  TextStyle,
  Zone,
  Extern,
  Shape,
  Arc,
  Rectangle,
};

/** For `import Phaser from 'phaser'`, which the package's types also allow. */
export default {
  VERSION, LOG_VERSION, AUTO, CANVAS, WEBGL, HEADLESS, FOREVER, NONE, LEFT, RIGHT, UP, DOWN,
  Game, Class, Core, BlendModes, ScaleModes, TintModes, Renderer, Scene, Scenes, Scale, Cameras,
  Events, Data, Cache, Animations, Display, Math, Geom, Textures, Input, Loader,
  Tweens, Time, GameObjects,
};
