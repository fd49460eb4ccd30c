import Testing
import Upload

@Suite("ProgressBar")
struct ProgressBarTests {
    @Test("the bar fills with the bytes sent, with percent and sizes")
    func lines() {
        let bar = ProgressBar(width: 10)
        #expect(bar.line(sent: 0, total: 1 << 30) == "[>         ]   0%  0 B / 1.0 GiB")
        #expect(bar.line(sent: 1 << 29, total: 1 << 30) == "[=====>    ]  50%  512.0 MiB / 1.0 GiB")
        #expect(bar.line(sent: 1 << 30, total: 1 << 30) == "[==========] 100%  1.0 GiB / 1.0 GiB")
    }

    @Test("sizes in binary units, one decimal")
    func sizes() {
        #expect(ProgressBar.size(1023) == "1023 B")
        #expect(ProgressBar.size(1536) == "1.5 KiB")
        #expect(ProgressBar.size(10 * 1024 * 1024 - 1) == "10.0 MiB")
    }

    @Test("more sent than announced, or nothing to send, never overflows the bar")
    func edges() {
        let bar = ProgressBar(width: 4)
        #expect(bar.line(sent: 10, total: 5).hasPrefix("[====] 100%"))
        #expect(bar.line(sent: 0, total: 0).hasPrefix("[====] 100%"))
    }
}
