package dev.shabdam.pipeline.synthesis.engine;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** The part of libespeak-ng's C API (speak_lib.h, 1.51) that Shabdam calls, mapped by JNA. */
interface EspeakLibrary extends Library {

    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    int POS_CHARACTER = 1;
    int CHARS_UTF8 = 1;
    int PHONEMES_IPA = 0x02;
    int EE_OK = 0;

    /** espeak_PARAMETER values. */
    int RATE = 1;

    int VOLUME = 2;
    int PITCH = 3;
    int RANGE = 4;

    /** Returns the sample rate, or −1 on failure. */
    int espeak_Initialize(int output, int bufferLengthMs, String path, int options);

    String espeak_Info(Pointer pathData);

    int espeak_SetVoiceByName(String name);

    int espeak_SetParameter(int parameter, int value, int relative);

    void espeak_SetSynthCallback(SynthCallback callback);

    int espeak_Synth(
            Pointer text,
            NativeLong size,
            int position,
            int positionType,
            int endPosition,
            int flags,
            Pointer uniqueIdentifier,
            Pointer userData);

    int espeak_Synchronize();

    /** Phonemes of the next clause; advances {@code text} and sets it to NULL at the end. */
    Pointer espeak_TextToPhonemes(PointerByReference text, int textMode, int phonemeMode);

    /** int (*)(short *wav, int numsamples, espeak_EVENT *events); return 0 to continue. */
    interface SynthCallback extends Callback {
        int invoke(Pointer wav, int sampleCount, Pointer events);
    }
}
