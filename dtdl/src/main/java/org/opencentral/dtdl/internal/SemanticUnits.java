package org.opencentral.dtdl.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Semantic type → unit type → units: DTDL v2's built-in table and the v3 QuantitativeTypes v1
 * extension's (which adds types and units), from the language specifications.
 */
final class SemanticUnits {

    private static final String V2_SEMANTIC = """
            Acceleration AccelerationUnit; Angle AngleUnit; AngularAcceleration AngularAccelerationUnit;
            AngularVelocity AngularVelocityUnit; Area AreaUnit; Capacitance CapacitanceUnit; Current CurrentUnit;
            DataRate DataRateUnit; DataSize DataSizeUnit; Density DensityUnit; Distance LengthUnit;
            ElectricCharge ChargeUnit; Energy EnergyUnit; Force ForceUnit; Frequency FrequencyUnit;
            Humidity DensityUnit; Illuminance IlluminanceUnit; Inductance InductanceUnit; Latitude AngleUnit;
            Length LengthUnit; Longitude AngleUnit; Luminance LuminanceUnit; Luminosity PowerUnit;
            LuminousFlux LuminousFluxUnit; LuminousIntensity LuminousIntensityUnit; MagneticFlux MagneticFluxUnit;
            MagneticInduction MagneticInductionUnit; Mass MassUnit; MassFlowRate MassFlowRateUnit; Power PowerUnit;
            Pressure PressureUnit; RelativeHumidity Unitless; Resistance ResistanceUnit;
            SoundPressure SoundPressureUnit; Temperature TemperatureUnit; Thrust ForceUnit; TimeSpan TimeUnit;
            Torque TorqueUnit; Velocity VelocityUnit; Voltage VoltageUnit; Volume VolumeUnit;
            VolumeFlowRate VolumeFlowRateUnit""";

    private static final String V2_UNITS = """
            AccelerationUnit centimetrePerSecondSquared gForce metrePerSecondSquared;
            AngleUnit degreeOfArc minuteOfArc radian secondOfArc turn;
            AngularAccelerationUnit radianPerSecondSquared;
            AngularVelocityUnit degreePerSecond radianPerSecond revolutionPerMinute revolutionPerSecond;
            AreaUnit acre hectare squareCentimetre squareFoot squareInch squareKilometre squareMetre squareMillimetre;
            CapacitanceUnit farad microfarad millifarad nanofarad picofarad;
            CurrentUnit ampere microampere milliampere;
            DataRateUnit bitPerSecond bytePerSecond exbibitPerSecond exbibytePerSecond gibibitPerSecond
              gibibytePerSecond kibibitPerSecond kibibytePerSecond mebibitPerSecond mebibytePerSecond
              tebibitPerSecond tebibytePerSecond yobibitPerSecond yobibytePerSecond zebibitPerSecond zebibytePerSecond;
            DataSizeUnit bit byte exbibit exbibyte gibibit gibibyte kibibit kibibyte mebibit mebibyte tebibit
              tebibyte yobibit yobibyte zebibit zebibyte;
            DensityUnit gramPerCubicMetre kilogramPerCubicMetre;
            LengthUnit astronomicalUnit centimetre foot inch kilometre metre micrometre mile millimetre nanometre
              nauticalMile;
            ChargeUnit coulomb;
            EnergyUnit electronvolt gigajoule joule kilojoule kilowattHour megaelectronvolt megajoule;
            ForceUnit newton ounce pound ton;
            FrequencyUnit gigahertz hertz kilohertz megahertz;
            IlluminanceUnit footcandle lux;
            InductanceUnit henry microhenry millihenry;
            LuminanceUnit candelaPerSquareMetre;
            PowerUnit gigawatt horsepower kilowatt kilowattHourPerYear megawatt microwatt milliwatt watt;
            LuminousFluxUnit lumen;
            LuminousIntensityUnit candela;
            MagneticFluxUnit maxwell weber;
            MagneticInductionUnit tesla;
            MassUnit gram kilogram microgram milligram slug tonne;
            MassFlowRateUnit gramPerHour gramPerSecond kilogramPerHour kilogramPerSecond;
            PressureUnit bar inchesOfMercury inchesOfWater kilopascal millibar millimetresOfMercury pascal
              poundPerSquareInch;
            Unitless percent unity;
            ResistanceUnit kiloohm megaohm milliohm ohm;
            SoundPressureUnit bel decibel;
            TemperatureUnit degreeCelsius degreeFahrenheit kelvin;
            TimeUnit day hour microsecond millisecond minute nanosecond second year;
            TorqueUnit newtonMetre;
            VelocityUnit centimetrePerSecond kilometrePerHour kilometrePerSecond knot metrePerHour metrePerSecond
              milePerHour milePerSecond;
            VoltageUnit kilovolt megavolt microvolt millivolt volt;
            VolumeUnit cubicCentimetre cubicFoot cubicInch cubicMetre fluidOunce gallon litre millilitre;
            VolumeFlowRateUnit litrePerHour litrePerSecond millilitrePerHour millilitrePerSecond""";

    private static final String QT1_SEMANTIC = """
            ApparentEnergy ApparentEnergyUnit; ApparentPower ApparentPowerUnit; Concentration Unitless;
            EnergyRate PowerUnit; IonizingRadiationDose IonizingRadiationDoseUnit; Irradiance IrradianceUnit;
            Radioactivity RadioactivityUnit; ReactiveEnergy ReactiveEnergyUnit; ReactivePower ReactivePowerUnit;
            RelativeDensity Unitless""";

    private static final String QT1_UNITS = """
            ApparentEnergyUnit gigavoltAmpereHour kilovoltAmpereHour megavoltAmpereHour voltAmpereHour;
            ApparentPowerUnit gigavoltAmpere kilovoltAmpere megavoltAmpere millivoltAmpere voltAmpere;
            Unitless partsPerBillion partsPerMillion partsPerQuadrillion partsPerTrillion percent unity;
            CurrentUnit ampere kiloampere microampere milliampere;
            DensityUnit gramPerCubicMetre kilogramPerCubicMetre microgramPerCubicMetre milligramPerCubicMetre;
            ChargeUnit ampereHour coulomb milliampereHour;
            EnergyUnit britishThermalUnit electronvolt gigajoule gigawattHour joule kiloBritishThermalUnit kilojoule
              kilowattHour megaelectronvolt megajoule megawattHour milliwattHour terawattHour wattHour;
            PowerUnit britishThermalUnitPerHour gigajoulePerHour gigawatt horsepower joulePerHour joulePerSecond
              kiloBritishThermalUnitPerHour kilojoulePerHour kilojoulePerSecond kilowatt kilowattHourPerYear
              megajoulePerHour megawatt microwatt milliwatt tonOfRefrigeration watt;
            FrequencyUnit gigahertz hertz kilohertz megahertz millihertz;
            IonizingRadiationDoseUnit gray microgray microsievert milligray millisievert sievert;
            IrradianceUnit wattPerSquareMetre;
            MagneticInductionUnit gauss tesla;
            MassUnit gram kilogram massPound microgram milligram slug tonne;
            MassFlowRateUnit gramPerHour gramPerSecond kilogramPerHour kilogramPerSecond massPoundPerHour;
            PressureUnit bar decapascal hectopascal inchesOfMercury inchesOfWater kilopascal millibar
              millimetresOfMercury pascal poundPerSquareInch;
            RadioactivityUnit becquerel gigabecquerel kilobecquerel megabecquerel;
            ReactiveEnergyUnit gigavoltAmpereReactiveHour kilovoltAmpereReactiveHour megavoltAmpereReactiveHour
              voltAmpereReactiveHour;
            ReactivePowerUnit gigavoltAmpereReactive kilovoltAmpereReactive megavoltAmpereReactive
              millivoltAmpereReactive voltAmpereReactive;
            VolumeFlowRateUnit cubicFootPerMinute cubicMetrePerHour cubicMetrePerMinute cubicMetrePerSecond
              gallonPerHour gallonPerMinute litrePerHour litrePerMinute litrePerSecond millilitrePerHour
              millilitrePerMinute millilitrePerSecond""";

    /** DTDL v2 (built in). */
    static final SemanticUnits V2 = new SemanticUnits(table(V2_SEMANTIC, Map.of()), table(V2_UNITS, Map.of()));
    /** DTDL v3 with {@code dtmi:dtdl:extension:quantitativeTypes;1}. */
    static final SemanticUnits QUANTITATIVE_TYPES_1 = new SemanticUnits(
            table(QT1_SEMANTIC, V2.unitTypeBySemantic), table(QT1_UNITS, V2.unitsByType));

    private final Map<String, String> unitTypeBySemantic;
    private final Map<String, List<String>> unitsByType;

    private SemanticUnits(Map<String, List<String>> semantic, Map<String, List<String>> units) {
        Map<String, String> bySemantic = new HashMap<>();
        semantic.forEach((type, unitType) -> bySemantic.put(type, unitType.get(0)));
        this.unitTypeBySemantic = Map.copyOf(bySemantic);
        this.unitsByType = Map.copyOf(units);
    }

    boolean isSemanticType(String term) {
        return unitTypeBySemantic.containsKey(term);
    }

    Optional<String> unitType(String semanticType) {
        return Optional.ofNullable(unitTypeBySemantic.get(semanticType));
    }

    List<String> units(String unitType) {
        return unitsByType.getOrDefault(unitType, List.of());
    }

    /** Parses "key v1 v2; key v1" (whitespace-separated, entries separated by ';') over a base table. */
    private static <V> Map<String, List<String>> table(String text, Map<String, V> base) {
        Map<String, List<String>> table = new HashMap<>();
        base.forEach((k, v) -> table.put(k, v instanceof List<?> l ? l.stream().map(Object::toString).toList()
                : List.of(v.toString())));
        for (String entry : text.split(";")) {
            String[] words = entry.trim().split("\\s+");
            table.put(words[0], List.copyOf(Arrays.asList(words).subList(1, words.length)));
        }
        return table;
    }
}
