/**
 * Hand-drawn line art for each catalog entry (drawn for Sitwell, one pose per stretch). Side views face right;
 * chairs and desks are faded so the body reads first. Keep each under 2 KB: they are inlined in the UI.
 */
import { arrow, chairRight, hint, deskRight, floor, head, limb, prop, svg } from './drawing.js';

/** Front view of a chair: backrest posts behind the body, seat, legs. */
const chairFront = prop('M38 44V80M82 44V80M34 80H86M38 80V113M82 80V113');

/** Legs of a figure seated facing the viewer: short foreshortened thighs, shins to the floor. */
const seatedLegsFront = limb([54, 76], [49, 84], [48, 112]) + limb([66, 76], [71, 84], [72, 112]);

export const seatedPiriformisArt = svg(
  chairFront,
  floor,
  limb([60, 76], [60, 46]),
  head([60, 33]),
  limb([46, 46], [74, 46]),
  limb([54, 76], [28, 72], [70, 80], [78, 77]),
  limb([66, 78], [71, 86], [72, 112]),
  limb([46, 46], [36, 60], [30, 70]),
  limb([74, 46], [76, 62], [70, 76]),
  arrow('M92 30Q98 42 92 54', [92, 54], 115),
);

export const standingFigureFourArt = svg(
  deskRight,
  floor,
  limb([44, 70], [64, 44]),
  head([71, 31]),
  limb([63, 47], [78, 58], [88, 62]),
  limb([44, 70], [66, 86], [60, 112], [70, 112]),
  limb([44, 70], [72, 66], [59, 81]),
  prop('M14 66H34M14 66V113'),
  arrow('M40 56H22', [22, 56], 180),
);

export const kneeToOppositeShoulderArt = svg(
  chairFront,
  floor,
  limb([60, 76], [60, 40]),
  head([60, 26]),
  limb([46, 40], [74, 40]),
  limb([54, 78], [72, 50], [70, 76], [76, 80]),
  limb([66, 78], [71, 86], [72, 112]),
  limb([46, 40], [54, 54], [68, 48]),
  limb([74, 40], [84, 46], [76, 52]),
  arrow('M94 64Q100 48 88 36', [88, 36], 235),
);

export const hipFlexorLungeArt = svg(
  deskRight,
  floor,
  limb([56, 66], [56, 32]),
  head([56, 18]),
  limb([56, 38], [72, 52], [88, 60]),
  limb([56, 66], [76, 88], [76, 112], [84, 112]),
  limb([56, 66], [44, 90], [28, 108], [24, 112]),
  arrow('M36 58H50', [50, 58], 0),
);

export const standingGluteSqueezeArt = svg(
  deskRight,
  floor,
  limb([60, 64], [60, 30]),
  head([60, 16]),
  limb([60, 36], [70, 50], [86, 60]),
  limb([60, 64], [61, 88], [60, 112], [68, 112]),
  hint('M56 56Q48 64 57 72M44 58L38 55M43 65H36M44 72L38 75'),
);

export const hipCirclesArt = svg(
  floor,
  limb([60, 64], [60, 30]),
  head([60, 16]),
  limb([60, 36], [44, 46], [52, 62]),
  limb([60, 36], [76, 46], [68, 62]),
  limb([60, 64], [52, 88], [50, 112]),
  limb([60, 64], [68, 88], [70, 112]),
  arrow('M82 62A24 9 0 1 1 36 68', [36, 68], 250),
);

export const calfRaisesArt = svg(
  deskRight,
  floor,
  limb([58, 60], [58, 26]),
  head([58, 12]),
  limb([58, 32], [72, 46], [88, 60]),
  limb([58, 60], [58, 84], [58, 104], [66, 112]),
  arrow('M42 110V88', [42, 88], 270),
);

export const marchInPlaceArt = svg(
  floor,
  limb([56, 64], [56, 30]),
  head([56, 16]),
  limb([56, 36], [68, 48], [76, 38]),
  limb([56, 36], [48, 50], [42, 60]),
  limb([56, 64], [56, 88], [56, 112], [64, 112]),
  limb([56, 64], [78, 66], [78, 90], [84, 90]),
  arrow('M98 88V64', [98, 64], 270),
  arrow('M104 64V88', [104, 88], 90),
);

export const chestOpenerArt = svg(
  floor,
  limb([58, 64], [61, 30]),
  head([63, 16]),
  limb([60, 35], [47, 48], [42, 64]),
  limb([58, 64], [58, 88], [58, 112], [66, 112]),
  arrow('M72 44L84 38', [84, 38], -27),
);

export const upperBackReachArt = svg(
  chairRight,
  floor,
  '<path d="M40 70C36 54 40 42 54 36"/>',
  head([64, 46]),
  limb([54, 37], [92, 42]),
  limb([40, 70], [66, 71], [67, 111], [75, 112]),
  arrow('M98 46H110', [110, 46], 0),
);

export const neckSideTiltArt = svg(
  chairFront,
  floor,
  limb([44, 42], [76, 42]),
  limb([60, 76], [60, 42], [64, 34]),
  head([70, 26]),
  limb([44, 42], [42, 60], [48, 74]),
  limb([76, 42], [78, 60], [72, 74]),
  seatedLegsFront,
  arrow('M54 12Q70 4 82 14', [82, 14], 40),
);

export const shoulderRollsArt = svg(
  chairFront,
  floor,
  limb([60, 76], [60, 40]),
  head([60, 26]),
  limb([46, 40], [74, 40]),
  limb([46, 40], [44, 58], [50, 74]),
  limb([74, 40], [76, 58], [70, 74]),
  seatedLegsFront,
  arrow('M36 42A8 8 0 1 1 42 28', [42, 28], 0),
  arrow('M84 42A8 8 0 1 0 78 28', [78, 28], 180),
);

export const seatedSpinalTwistArt = svg(
  chairFront,
  floor,
  limb([60, 76], [60, 40]),
  head([64, 26]),
  limb([50, 41], [72, 39]),
  limb([50, 41], [56, 60], [70, 80]),
  limb([72, 39], [88, 46], [82, 54]),
  seatedLegsFront,
  arrow('M40 60Q60 70 82 62', [82, 62], -20),
);

export const hamstringHeelOnStepArt = svg(
  prop('M80 96H106V113'),
  floor,
  limb([52, 64], [52, 88], [52, 112], [60, 112]),
  limb([52, 64], [86, 93], [90, 87]),
  limb([52, 64], [70, 36]),
  head([76, 24]),
  limb([69, 40], [76, 58], [74, 78]),
);

export const wristForearmStretchArt = svg(
  '<path d="M2 80H60" stroke-width="12"/>',
  '<rect x="56" y="44" width="18" height="36" rx="6" fill="currentColor" stroke="none"/>',
  '<path d="M59 44L55 24M64 44L61 20M69 44L67 21M73 46L72 27M57 64L48 56" stroke-width="5"/>',
  '<path d="M118 118L100 80" stroke-width="10"/>',
  '<path d="M100 78L90 48L74 26" stroke-width="6"/>',
  arrow('M50 8Q36 10 32 26', [32, 26], 105),
);

export const walkForWaterArt = svg(
  floor,
  limb([54, 64], [56, 30]),
  head([57, 16]),
  limb([56, 36], [64, 50], [74, 48]),
  prop('M72 36L74 52H82L84 36'),
  limb([56, 36], [46, 48], [40, 58]),
  limb([54, 64], [66, 86], [70, 112], [78, 112]),
  limb([54, 64], [46, 88], [34, 106], [38, 112]),
);

export const standingBackBendArt = svg(
  floor,
  '<path d="M60 64Q60 46 52 32"/>',
  head([48, 19]),
  limb([53, 36], [40, 48], [54, 60]),
  limb([60, 64], [62, 88], [60, 112], [68, 112]),
  arrow('M66 16Q60 4 44 4', [44, 4], 180),
);

export const sitToStandArt = svg(
  chairRight,
  floor,
  limb([48, 64], [66, 38]),
  head([72, 26]),
  limb([64, 42], [78, 52], [92, 54]),
  limb([48, 64], [72, 80], [68, 112], [76, 112]),
  arrow('M102 100V70', [102, 70], 270),
);

export const sideReachArt = svg(
  floor,
  '<path d="M60 64Q58 46 50 34"/>',
  head([44, 23]),
  '<path d="M54 36Q70 12 34 6"/>',
  limb([52, 38], [40, 50], [52, 62]),
  limb([60, 64], [52, 88], [50, 112]),
  limb([60, 64], [68, 88], [70, 112]),
  arrow('M24 10Q14 18 14 32', [14, 32], 90),
);
